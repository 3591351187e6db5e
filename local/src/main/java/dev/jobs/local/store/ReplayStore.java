package dev.jobs.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The replays, durable so that a restart can tell what was going on and resume it. The runner and
 * the API change a replay by conditional updates through the one writer, never by rewriting its
 * row, so a cancellation and the runner's progress cannot overwrite each other.
 */
public final class ReplayStore {
  private static final String COLUMNS =
      "name, description, source_arn, destination_arn, event_start, event_end, state,"
          + " state_reason, start_time, end_time, last_replayed";

  private final Database database;

  public ReplayStore(Database database) {
    this.database = database;
  }

  /** Inserts a new replay; false when one of that name exists. */
  public boolean create(Replay replay) {
    return database.write(
        connection -> {
          if (select(connection, "WHERE name = ?", replay.name()).size() > 0) {
            return false;
          }
          save(connection, replay);
          return true;
        });
  }

  /** {@code STARTING} becomes {@code RUNNING}; a replay asked to stop meanwhile stays so. */
  public void markRunning(String name) {
    database.write(
        connection ->
            update(
                connection,
                "UPDATE replays SET state = 'RUNNING' WHERE name = ? AND state = 'STARTING'",
                name));
  }

  /**
   * Delivers a replayed event: queues the invocation of the replay rule's target and records that
   * the replay got past the event, in one transaction. A restart resumes after the last event so
   * delivered, so none is delivered twice or skipped.
   */
  public Invocation deliver(
      String name,
      ArchivedEvent event,
      String function,
      String requestId,
      String payload,
      long now) {
    return database.write(
        connection -> {
          Invocation invocation =
              InvocationStore.insert(connection, function, requestId, payload, now);
          Statements.prepare(
                  connection,
                  "UPDATE replays SET last_replayed = ?, last_seq = ? WHERE name = ?",
                  event.time(),
                  event.seq(),
                  name)
              .executeUpdate();
          return invocation;
        });
  }

  /** The archive sequence number of the last event delivered, 0 before the first. */
  public long lastSeq(String name) {
    return database.read(
        connection -> {
          PreparedStatement statement =
              Statements.prepare(connection, "SELECT last_seq FROM replays WHERE name = ?", name);
          try (ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0L;
          }
        });
  }

  /**
   * Asks an active replay to stop, durably, so that a restart finishes it {@code CANCELLED}; false
   * when it is not active (any more).
   */
  public boolean requestCancel(String name) {
    return database.write(
        connection ->
            update(
                    connection,
                    "UPDATE replays SET state = 'CANCELLING' WHERE name = ?"
                        + " AND state IN ('STARTING', 'RUNNING')",
                    name)
                > 0);
  }

  /** Ends an active replay in {@code state}. */
  public void finish(String name, String state, String reason, long endTime) {
    database.write(
        connection ->
            Statements.prepare(
                    connection,
                    "UPDATE replays SET state = ?, state_reason = ?, end_time = ? WHERE name = ?"
                        + " AND state IN ('STARTING', 'RUNNING', 'CANCELLING')",
                    state,
                    reason,
                    endTime,
                    name)
                .executeUpdate());
  }

  private static int update(Connection connection, String sql, String name) throws SQLException {
    return Statements.prepare(connection, sql, name).executeUpdate();
  }

  public Optional<Replay> find(String name) {
    return database.read(
        connection -> select(connection, "WHERE name = ?", name).stream().findFirst());
  }

  public List<Replay> all() {
    return database.read(connection -> select(connection, "ORDER BY start_time", null));
  }

  private static void save(Connection connection, Replay replay) throws SQLException {
    Statements.prepare(
            connection,
            "INSERT OR REPLACE INTO replays (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            replay.name(),
            replay.description(),
            replay.sourceArn(),
            replay.destinationArn(),
            replay.eventStart(),
            replay.eventEnd(),
            replay.state(),
            replay.stateReason(),
            replay.startTime(),
            replay.endTime(),
            replay.lastReplayed())
        .executeUpdate();
  }

  private static List<Replay> select(Connection connection, String where, String name)
      throws SQLException {
    return Statements.rows(
        connection,
        "SELECT " + COLUMNS + " FROM replays " + where,
        row ->
            new Replay(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getLong(5),
                row.getLong(6),
                row.getString(7),
                row.getString(8),
                row.getLong(9),
                nullableLong(row, 10),
                nullableLong(row, 11)),
        name == null ? new Object[0] : new Object[] {name});
  }

  private static Long nullableLong(ResultSet row, int index) throws SQLException {
    long value = row.getLong(index);
    return row.wasNull() ? null : value;
  }
}
