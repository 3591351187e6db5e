package dev.jobs.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The durable invocation queue: a row per invocation until it succeeds or is handed on. */
public final class InvocationStore {
  private final Database database;

  public InvocationStore(Database database) {
    this.database = database;
  }

  /** Queues an invocation; the future completes once it is committed. */
  public CompletableFuture<Invocation> enqueue(
      String function, String requestId, String payload, long now) {
    return enqueue(function, requestId, payload, now, invocation -> {});
  }

  /**
   * Queues an invocation; once it is committed, {@code committed} takes it on the writer's thread,
   * in the queue's order, and then the future completes.
   */
  public CompletableFuture<Invocation> enqueue(
      String function, String requestId, String payload, long now, Consumer<Invocation> committed) {
    return database.submit(
        connection -> insert(connection, function, requestId, payload, now), committed);
  }

  /**
   * Hands a failed invocation on to the function that is its on-failure destination: the failed
   * invocation leaves its queue and the destination record joins the other's, in one transaction,
   * so a crash between the two can neither lose the record nor deliver it twice.
   */
  public Invocation handOn(
      Invocation failed, String function, String requestId, String record, long now) {
    return handOn(failed, function, requestId, record, now, invocation -> {});
  }

  /** {@link #handOn}, with the record taken by {@code committed} as {@link #enqueue} does. */
  public Invocation handOn(
      Invocation failed,
      String function,
      String requestId,
      String record,
      long now,
      Consumer<Invocation> committed) {
    return database.write(
        connection -> {
          delete(connection, failed.seq());
          return insert(connection, function, requestId, record, now);
        },
        committed);
  }

  /** Inserts a row inside a write already running. */
  static Invocation insert(
      Connection connection, String function, String requestId, String payload, long now)
      throws SQLException {
    PreparedStatement statement =
        Statements.prepare(
            connection,
            "INSERT INTO invocations (function, request_id, payload, enqueued_at, attempts,"
                + " not_before) VALUES (?, ?, ?, ?, 0, 0) RETURNING seq",
            function,
            requestId,
            payload,
            now);
    try (ResultSet keys = statement.executeQuery()) {
      keys.next();
      return new Invocation(keys.getLong(1), function, requestId, payload, now, 0, 0);
    }
  }

  static void delete(Connection connection, long seq) throws SQLException {
    Statements.prepare(connection, "DELETE FROM invocations WHERE seq = ?", seq).executeUpdate();
  }

  /** Removes a finished invocation. */
  public CompletableFuture<Void> remove(long seq) {
    return database.submit(
        connection -> {
          delete(connection, seq);
          return null;
        });
  }

  /** Records a failed attempt and when the next may start. */
  public void reschedule(long seq, int attempts, long notBefore) {
    database.write(
        connection ->
            Statements.prepare(
                    connection,
                    "UPDATE invocations SET attempts = ?, not_before = ? WHERE seq = ?",
                    attempts,
                    notBefore,
                    seq)
                .executeUpdate());
  }

  /** Every invocation of a function still queued, oldest first. */
  public List<Invocation> pending(String function) {
    return pending(function, 0, Integer.MAX_VALUE);
  }

  /**
   * At most {@code limit} of a function's queued invocations numbered above {@code afterSeq},
   * oldest first: a queue too long to hold in memory is read back a window at a time.
   */
  public List<Invocation> pending(String function, long afterSeq, int limit) {
    return database.read(
        connection ->
            Statements.rows(
                connection,
                "SELECT seq, function, request_id, payload, enqueued_at, attempts, not_before"
                    + " FROM invocations WHERE seq > ? AND function = ? ORDER BY seq LIMIT ?",
                row ->
                    new Invocation(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getLong(5),
                        row.getInt(6),
                        row.getLong(7)),
                afterSeq,
                function,
                limit));
  }
}
