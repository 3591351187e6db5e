package dev.jobs.local.store;

import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.stats.Aggregates;
import dev.jobs.backend.stats.JobStatsSource;
import dev.jobs.backend.stats.StatsCell;
import dev.jobs.backend.stats.StatsRange;
import dev.jobs.backend.stats.StatsWindow;
import dev.jobs.backend.store.JobCursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /jobs/stats} on SQLite: one indexed range of {@code job_stats} per range of the window
 * (a 30-day window is at most five), summed by SQL; and the RUNNING jobs of the window in one range
 * of the status index {@code jobs_by_status_time}, oldest first.
 */
public final class SqliteJobStatistics implements JobStatsSource {
  private static final String SUM =
      "SELECT type, counter, SUM(n) FROM job_stats WHERE span = ? AND period >= ? AND period < ?";

  private final Database database;

  public SqliteJobStatistics(Database database) {
    this.database = database;
  }

  @Override
  public Aggregates sum(StatsWindow window) {
    Aggregates sums = new Aggregates();
    database.read(
        connection -> {
          for (StatsRange range : window.ranges()) {
            List<Object> values =
                new ArrayList<>(List.of(range.span().code(), range.first(), range.end()));
            String sql = SUM;
            if (window.type().isPresent()) {
              sql += " AND type = ?";
              values.add(window.type().get());
            }
            sql += " GROUP BY type, counter";
            Map<String, Map<String, Long>> byType = new HashMap<>();
            Statements.rows(
                connection,
                sql,
                row ->
                    byType
                        .computeIfAbsent(row.getString(1), type -> new HashMap<>())
                        .put(row.getString(2), row.getLong(3)),
                values.toArray());
            byType.forEach(
                (type, counters) ->
                    sums.add(new StatsCell(range.span(), range.first(), type), counters));
          }
          return null;
        });
    return sums;
  }

  @Override
  public List<JobRecord> running(StatsWindow window, Aggregates counted, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + SqliteJobStore.COLUMNS
                + " FROM jobs WHERE status = ? AND status_at >= ? AND status_at < ?");
    List<Object> values = new ArrayList<>();
    values.add(JobStatus.RUNNING.name());
    values.add(JobCursor.sortable(window.since()));
    values.add(JobCursor.sortable(window.until()));
    if (window.type().isPresent()) {
      sql.append(" AND type = ?");
      values.add(window.type().get());
    }
    sql.append(" ORDER BY status_at, id LIMIT ?");
    values.add(limit);
    String text = sql.toString();
    return database.read(
        connection -> Statements.rows(connection, text, SqliteJobStore::record, values.toArray()));
  }
}
