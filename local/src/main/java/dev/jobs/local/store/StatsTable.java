package dev.jobs.local.store;

import dev.jobs.backend.stats.StatsCell;
import dev.jobs.backend.stats.StatsDeltas;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * The counters of {@code GET /jobs/stats} in SQL: one row per span, period, job type and counter
 * ({@code job_stats}), moved in the transaction of each job's change by the backend's {@link
 * StatsDeltas}, the same code that computes the DynamoDB aggregator's deltas.
 */
final class StatsTable {
  static final String CREATE =
      "CREATE TABLE job_stats (span TEXT NOT NULL, period TEXT NOT NULL, type TEXT NOT NULL,"
          + " counter TEXT NOT NULL, n INTEGER NOT NULL,"
          + " PRIMARY KEY (span, period, type, counter)) WITHOUT ROWID";

  private static final String ADD =
      "INSERT INTO job_stats (span, period, type, counter, n) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (span, period, type, counter) DO UPDATE SET n = n + excluded.n";

  private StatsTable() {}

  /** Creates the table; a data directory from before it gets its jobs counted once. */
  static void create(Statement statement) throws SQLException {
    try (ResultSet table =
        statement.executeQuery(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'job_stats'")) {
      if (table.next()) {
        return;
      }
    }
    Schema.migrate(statement.getConnection(), StatsTable::countExistingJobs);
  }

  /** Creates the table and counts every job already in the job table. */
  private static void countExistingJobs(Connection connection) throws SQLException {
    try (Statement select = connection.createStatement()) {
      select.execute(CREATE);
      try (ResultSet rows =
          select.executeQuery("SELECT " + SqliteJobStore.COLUMNS + " FROM jobs")) {
        while (rows.next()) {
          apply(
              connection,
              new StatsDeltas().change(Optional.empty(), Optional.of(SqliteJobStore.record(rows))));
        }
      }
    }
  }

  static void apply(Connection connection, StatsDeltas deltas) throws SQLException {
    for (Map.Entry<StatsCell, Map<String, Long>> cell : deltas.cells().entrySet()) {
      for (Map.Entry<String, Long> counter : cell.getValue().entrySet()) {
        Statements.prepare(
                connection,
                ADD,
                cell.getKey().span().code(),
                cell.getKey().period(),
                cell.getKey().type(),
                counter.getKey(),
                counter.getValue())
            .executeUpdate();
      }
    }
  }
}
