package dev.jobs.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The durable event archive of the failed-jobs bus. */
public final class ArchiveStore {
  private final Database database;

  public ArchiveStore(Database database) {
    this.database = database;
  }

  /** An event to archive: its id, its time (epoch millis) and its JSON. */
  public record Event(String id, long time, String json) {}

  /** Archives events (a PutEvents call's), all or none. */
  public void append(String archive, List<Event> events) {
    database.write(
        connection -> {
          for (Event event : events) {
            insert(connection, archive, event);
          }
          return null;
        });
  }

  /**
   * Archives the error handler's destination record, as a bus event, in the transaction that
   * removes the failed invocation from its queue: a crash between the two can neither lose the
   * record nor archive it twice.
   */
  public void archiveFailure(Invocation failed, String archive, Event record) {
    database.write(
        connection -> {
          InvocationStore.delete(connection, failed.seq());
          insert(connection, archive, record);
          return null;
        });
  }

  private static void insert(Connection connection, String archive, Event event)
      throws SQLException {
    Statements.prepare(
            connection,
            "INSERT INTO archive_events (archive, event_id, event_time, event) VALUES (?, ?, ?, ?)",
            archive,
            event.id(),
            event.time(),
            event.json())
        .executeUpdate();
  }

  /**
   * Events with {@code from <= time < to}, in the order archived, after {@code afterSeq} for
   * paging.
   */
  public List<ArchivedEvent> between(String archive, long from, long to, long afterSeq, int limit) {
    return database.read(
        connection ->
            Statements.rows(
                connection,
                "SELECT seq, event_id, event_time, event FROM archive_events"
                    + " WHERE archive = ? AND event_time >= ? AND event_time < ? AND seq > ?"
                    + " ORDER BY seq LIMIT ?",
                row ->
                    new ArchivedEvent(
                        row.getLong(1), row.getString(2), row.getLong(3), row.getString(4)),
                archive,
                from,
                to,
                afterSeq,
                limit));
  }

  /** How many events and bytes the archive holds. */
  public long[] size(String archive) {
    return database.read(
        connection -> {
          PreparedStatement statement =
              Statements.prepare(
                  connection,
                  "SELECT count(*), coalesce(sum(length(event)), 0) FROM archive_events"
                      + " WHERE archive = ?",
                  archive);
          try (ResultSet row = statement.executeQuery()) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
          }
        });
  }
}
