package dev.jobs.local.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The temporary credentials issued by the local STS. Every signed API request looks its key up, so
 * found keys are cached; issued keys never change.
 */
public final class CredentialStore {
  private final Database database;
  private final ConcurrentMap<String, IssuedCredentials> cache = new ConcurrentHashMap<>();

  public CredentialStore(Database database) {
    this.database = database;
  }

  public void save(IssuedCredentials credentials) {
    database.write(
        connection ->
            Statements.prepare(
                    connection,
                    "INSERT INTO credentials (access_key_id, secret_access_key, session_token,"
                        + " role_arn, session_name, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                    credentials.accessKeyId(),
                    credentials.secretAccessKey(),
                    credentials.sessionToken(),
                    credentials.roleArn(),
                    credentials.sessionName(),
                    credentials.expiresAt())
                .executeUpdate());
    cache.put(credentials.accessKeyId(), credentials);
  }

  public Optional<IssuedCredentials> find(String accessKeyId) {
    IssuedCredentials cached = cache.get(accessKeyId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<IssuedCredentials> found =
        database.read(
            connection -> {
              PreparedStatement statement =
                  Statements.prepare(
                      connection,
                      "SELECT access_key_id, secret_access_key, session_token, role_arn,"
                          + " session_name, expires_at FROM credentials WHERE access_key_id = ?",
                      accessKeyId);
              try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                  return Optional.<IssuedCredentials>empty();
                }
                return Optional.of(
                    new IssuedCredentials(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getLong(6)));
              }
            });
    found.ifPresent(credentials -> cache.put(accessKeyId, credentials));
    return found;
  }
}
