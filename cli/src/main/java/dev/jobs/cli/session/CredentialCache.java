package dev.jobs.cli.session;

import dev.jobs.cli.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Assumed-role credentials on disk, one file per role and base identity, readable by the owner only
 * (0600), so a command does not pay an STS call each time. A file that cannot be read is treated as
 * absent: the cache only ever saves time.
 */
public final class CredentialCache {
  /** One cached session. */
  public record Entry(
      String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {}

  private final Path dir;

  public CredentialCache(Path dir) {
    this.dir = dir;
  }

  /** One set of credentials' place in the cache: its file, read, written and deleted by key. */
  public record Slot(CredentialCache cache, String key) {
    public Optional<Entry> read() {
      return cache.read(key);
    }

    public void write(Entry entry) {
      cache.write(key, entry);
    }

    public void delete() {
      cache.delete(key);
    }
  }

  /** The slot of the credentials these parts name, such as a role, the caller and the scope. */
  public Slot slot(String... parts) {
    return new Slot(this, key(parts));
  }

  /** A file name that says nothing of the role or the keys. */
  public static String key(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path file(String key) {
    return dir.resolve(key + ".json");
  }

  /** Reads with the tree model: binding a record loads Jackson's introspection, ~40 ms. */
  public Optional<Entry> read(String key) {
    try {
      JsonNode json = Json.parse(Files.readAllBytes(file(key)));
      String expiration = Json.text(json, "expiration");
      Entry entry =
          new Entry(
              Json.text(json, "accessKeyId"),
              Json.text(json, "secretAccessKey"),
              Json.text(json, "sessionToken"),
              expiration == null ? null : Instant.parse(expiration));
      return entry.accessKeyId() == null || entry.secretAccessKey() == null
          ? Optional.empty()
          : Optional.of(entry);
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Writes through a 0600 temp file moved into place, so no reader sees a partial file. */
  public void write(String key, Entry entry) {
    try {
      createPrivateDirectory(dir);
      Path temp = dir.resolve(key + "." + ProcessHandle.current().pid() + ".tmp");
      Files.deleteIfExists(temp);
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      ObjectNode json = Json.mapper().createObjectNode();
      json.put("accessKeyId", entry.accessKeyId());
      json.put("secretAccessKey", entry.secretAccessKey());
      json.put("sessionToken", entry.sessionToken());
      json.put("expiration", entry.expiration().toString());
      Files.write(temp, Json.mapper().writeValueAsBytes(json));
      Files.move(
          temp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UnsupportedOperationException e) {
      // Not caching costs one STS call next time; failing the command would cost more.
    }
  }

  public void delete(String key) {
    try {
      Files.deleteIfExists(file(key));
    } catch (IOException e) {
      // A stale entry is rejected by the service and replaced; nothing to do here.
    }
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir.getParent());
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (FileAlreadyExistsException e) {
      // Another jobs process made it first.
    }
  }
}
