package dev.jobs.local.store;

import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** The tables of the local runtime. Times are epoch milliseconds unless the name says otherwise. */
final class Schema {
  private Schema() {}

  /** A one-time rewrite of an older data directory's rows. */
  @FunctionalInterface
  interface Migration {
    void run(Connection connection) throws SQLException;
  }

  /**
   * Runs a migration as one transaction: a crash or a failure in the middle leaves the rows as they
   * were, for the next start to migrate again. The connection's commit mode is restored after.
   */
  static void migrate(Connection connection, Migration migration) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      migration.run(connection);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  static void create(Statement statement) throws SQLException {
    // The job table mirrors the DynamoDB item: JSON text for parameters, result and error.
    statement.execute(
        "CREATE TABLE IF NOT EXISTS jobs ("
            + "id TEXT PRIMARY KEY, status TEXT NOT NULL, type TEXT, parameters TEXT,"
            + " result TEXT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0,"
            + " started_at TEXT, finished_at TEXT, expires_at INTEGER NOT NULL DEFAULT 0,"
            + " status_at TEXT, progress TEXT, heartbeat_at TEXT, cancel_requested_at TEXT,"
            + " timeout_seconds INTEGER, queued_at TEXT)");
    // Data directories from before the list: the status time as sortable text, filled in once.
    if (!hasColumn(statement, "jobs", "status_at")) {
      statement.execute("ALTER TABLE jobs ADD COLUMN status_at TEXT");
      migrate(statement.getConnection(), Schema::fillStatusTimes);
    }
    // Data directories from before progress and cancel: the columns, empty (as DynamoDB's absent
    // attributes), added once.
    addColumnIfMissing(statement, "progress", "ALTER TABLE jobs ADD COLUMN progress TEXT");
    addColumnIfMissing(statement, "heartbeat_at", "ALTER TABLE jobs ADD COLUMN heartbeat_at TEXT");
    addColumnIfMissing(
        statement, "cancel_requested_at", "ALTER TABLE jobs ADD COLUMN cancel_requested_at TEXT");
    addColumnIfMissing(
        statement, "timeout_seconds", "ALTER TABLE jobs ADD COLUMN timeout_seconds INTEGER");
    // Data directories from before client-named jobs: when a QUEUED job was queued.
    addColumnIfMissing(statement, "queued_at", "ALTER TABLE jobs ADD COLUMN queued_at TEXT");
    // GET /jobs: one status, or all, newest status time first (SqliteJobStore.list).
    statement.execute(
        "CREATE INDEX IF NOT EXISTS jobs_by_status_time ON jobs (status, status_at, id)");
    statement.execute("CREATE INDEX IF NOT EXISTS jobs_by_time ON jobs (status_at, id)");
    // Lambda's asynchronous invocation queue: a row lives until its invocation ends.
    statement.execute(
        "CREATE TABLE IF NOT EXISTS invocations ("
            + "seq INTEGER PRIMARY KEY AUTOINCREMENT, function TEXT NOT NULL,"
            + " request_id TEXT NOT NULL, payload TEXT NOT NULL, enqueued_at INTEGER NOT NULL,"
            + " attempts INTEGER NOT NULL DEFAULT 0, not_before INTEGER NOT NULL DEFAULT 0)");
    statement.execute(
        "CREATE TABLE IF NOT EXISTS archive_events ("
            + "seq INTEGER PRIMARY KEY AUTOINCREMENT, archive TEXT NOT NULL,"
            + " event_id TEXT NOT NULL, event_time INTEGER NOT NULL, event TEXT NOT NULL)");
    statement.execute(
        "CREATE INDEX IF NOT EXISTS archive_events_by_time ON archive_events (archive, event_time)");
    statement.execute(
        "CREATE TABLE IF NOT EXISTS replays ("
            + "name TEXT PRIMARY KEY, description TEXT, source_arn TEXT NOT NULL,"
            + " destination_arn TEXT NOT NULL, rule_arns TEXT, event_start INTEGER NOT NULL,"
            + " event_end INTEGER NOT NULL, state TEXT NOT NULL, state_reason TEXT,"
            + " start_time INTEGER NOT NULL, end_time INTEGER, last_replayed INTEGER,"
            + " last_seq INTEGER)");
    // Data directories from before replays resumed: the archive seq a replay has delivered up to.
    if (!hasColumn(statement, "replays", "last_seq")) {
      statement.execute("ALTER TABLE replays ADD COLUMN last_seq INTEGER");
    }
    // The functions' log events (CloudWatch Logs): a job's lines, found by job, kept with the job
    // retention (LogStore.purge, hourly, scans the table: an index on the time made SQLite read a
    // job's lines through it, a scan of every line).
    statement.execute(
        "CREATE TABLE IF NOT EXISTS log_events ("
            + "seq INTEGER PRIMARY KEY AUTOINCREMENT, log_group TEXT NOT NULL,"
            + " log_stream TEXT NOT NULL, job_id TEXT, attempt INTEGER,"
            + " timestamp INTEGER NOT NULL, ingestion_time INTEGER NOT NULL, message TEXT NOT NULL)");
    statement.execute(
        "CREATE INDEX IF NOT EXISTS log_events_by_job ON log_events (log_group, job_id, seq)");
    statement.execute("CREATE INDEX IF NOT EXISTS log_events_by_time ON log_events (timestamp)");
    // Temporary credentials the local STS issued; they outlive a restart, as on AWS.
    statement.execute(
        "CREATE TABLE IF NOT EXISTS credentials ("
            + "access_key_id TEXT PRIMARY KEY, secret_access_key TEXT NOT NULL,"
            + " session_token TEXT NOT NULL, role_arn TEXT NOT NULL, session_name TEXT NOT NULL,"
            + " expires_at INTEGER NOT NULL)");
    // GET /jobs/stats: the counters, kept in step with the job table (counted once for a data
    // directory from before them).
    StatsTable.create(statement);
  }

  private static void fillStatusTimes(Connection connection) throws SQLException {
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery("SELECT id, status, started_at, finished_at FROM jobs");
        PreparedStatement update =
            connection.prepareStatement("UPDATE jobs SET status_at = ? WHERE id = ?")) {
      while (rows.next()) {
        String time =
            JobStatus.valueOf(rows.getString("status")) == JobStatus.RUNNING
                ? rows.getString("started_at")
                : rows.getString("finished_at");
        if (time != null) {
          update.setString(1, JobCursor.sortable(Instant.parse(time)));
          update.setString(2, rows.getString("id"));
          update.executeUpdate();
        }
      }
    }
  }

  /** Runs {@code alter}, a constant statement, when the job table lacks the column. */
  private static void addColumnIfMissing(Statement statement, String column, String alter)
      throws SQLException {
    if (!hasColumn(statement, "jobs", column)) {
      statement.execute(alter);
    }
  }

  private static boolean hasColumn(Statement statement, String table, String column)
      throws SQLException {
    try (ResultSet columns = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (columns.next()) {
        if (columns.getString("name").equals(column)) {
          return true;
        }
      }
    }
    return false;
  }
}
