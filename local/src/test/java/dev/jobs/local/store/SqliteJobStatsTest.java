package dev.jobs.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.stats.JobStatsContract;
import dev.jobs.backend.stats.JobStatsSource;
import dev.jobs.backend.stats.StatsWindow;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStore.JobStart;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store keeps the counters in the transaction of each change: they add up as reading
 * every job does ({@link JobStatsContract}); a data directory from before them is counted once.
 */
class SqliteJobStatsTest extends JobStatsContract {
  @RegisterExtension static final TemporaryDatabase sqlite = new TemporaryDatabase();

  @Override
  protected JobStore store() {
    return sqlite.store();
  }

  @Override
  protected JobStatsSource statistics() {
    return new SqliteJobStatistics(sqlite.database());
  }

  @Test
  void aDataDirectoryFromBeforeTheCounters_isCountedOnceWhenOpened(@TempDir Path older)
      throws Exception {
    Instant at = Instant.parse("2026-05-01T10:00:00Z");
    Database first = Database.open(older);
    SqliteJobStore jobs = new SqliteJobStore(first);
    jobs.start(
        new JobStart("a", "sleep", JobJson.MAPPER.createObjectNode(), at, 9, null, 900, null));
    jobs.succeed("a", JobJson.MAPPER.nullNode(), at.plusSeconds(2));
    jobs.start(
        new JobStart("b", "sleep", JobJson.MAPPER.createObjectNode(), at, 9, null, 900, null));
    first.close();
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + older.resolve("jobs.db"));
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE job_stats");
    }

    Database reopened = Database.open(older);
    try {
      StatsWindow window =
          new StatsWindow(at.minusSeconds(3600), at.plusSeconds(3600), Optional.empty());
      var sums = new SqliteJobStatistics(reopened).sum(window);

      assertThat(sums.byType().get("sleep")).containsEntry("s.SUCCEEDED", 1L);
      assertThat(sums.byType().get("sleep")).containsEntry("s.RUNNING", 1L);
    } finally {
      reopened.close();
    }
  }
}
