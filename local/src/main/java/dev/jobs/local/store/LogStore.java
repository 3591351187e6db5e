package dev.jobs.local.store;

import dev.jobs.backend.log.JobLogLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The functions' log events, CloudWatch Logs' store: each event in its log group and stream, with
 * the job and attempt its JSON names kept beside it, so that a job's lines are one index range.
 */
public final class LogStore {
  private final Database database;

  public LogStore(Database database) {
    this.database = database;
  }

  /** A stored event; {@code seq} orders them as written. */
  public record Event(
      long seq,
      String group,
      String stream,
      String jobId,
      Integer attempt,
      long timestamp,
      long ingestionTime,
      String message) {}

  /**
   * Queues an event; it commits with the writes queued beside it, in the order queued. The future
   * completes once it is on disk (or fails with the database).
   */
  public CompletableFuture<Void> append(
      String group, String stream, JobLogLine line, long ingestionTime) {
    return database.submit(
        connection -> {
          Statements.prepare(
                  connection,
                  "INSERT INTO log_events (log_group, log_stream, job_id, attempt, timestamp,"
                      + " ingestion_time, message) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  group,
                  stream,
                  line.jobId(),
                  line.attempt(),
                  line.timestamp(),
                  ingestionTime,
                  line.json())
              .executeUpdate();
          return null;
        });
  }

  /**
   * Up to {@code limit} events of a group after {@code afterSeq}, with {@code from <= timestamp <=
   * to}, in the order written; only those of {@code jobId} unless it is null.
   */
  public List<Event> page(
      String group, String jobId, long from, long to, long afterSeq, int limit) {
    String columns =
        "SELECT seq, log_group, log_stream, job_id, attempt, timestamp, ingestion_time, message"
            + " FROM log_events WHERE log_group = ?";
    return database.read(
        connection ->
            jobId == null
                ? Statements.rows(
                    connection,
                    columns
                        + " AND seq > ? AND timestamp >= ? AND timestamp <= ? ORDER BY seq LIMIT ?",
                    LogStore::event,
                    group,
                    afterSeq,
                    from,
                    to,
                    limit)
                : Statements.rows(
                    connection,
                    columns
                        + " AND job_id = ? AND seq > ? AND timestamp >= ? AND timestamp <= ?"
                        + " ORDER BY seq LIMIT ?",
                    LogStore::event,
                    group,
                    jobId,
                    afterSeq,
                    from,
                    to,
                    limit));
  }

  private static Event event(ResultSet row) throws SQLException {
    int number = row.getInt(5);
    Integer attempt = row.wasNull() ? null : number;
    return new Event(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        attempt,
        row.getLong(6),
        row.getLong(7),
        row.getString(8));
  }

  /** The bytes a group's events hold (their messages'). */
  public long storedBytes(String group) {
    return database.read(
        connection ->
            Statements.rows(
                    connection,
                    "SELECT COALESCE(SUM(LENGTH(CAST(message AS BLOB))), 0) FROM log_events"
                        + " WHERE log_group = ?",
                    row -> row.getLong(1),
                    group)
                .get(0));
  }

  /** Deletes the events older than {@code before} (epoch millis): the retention's work. */
  public int purge(long before) {
    return database.write(
        connection ->
            Statements.prepare(connection, "DELETE FROM log_events WHERE timestamp < ?", before)
                .executeUpdate());
  }
}
