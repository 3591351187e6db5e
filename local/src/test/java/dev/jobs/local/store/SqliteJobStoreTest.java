package dev.jobs.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobPage;
import dev.jobs.backend.store.JobQuery;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/** The SQLite store's conditional transitions, the same rules as the DynamoDB adapter's. */
class SqliteJobStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final ObjectNode PARAMETERS =
      JobJson.MAPPER.createObjectNode().put("type", "sleep").put("seconds", 1);
  private static final JobError ERROR = new JobError("Boom", "it broke", "RetriesExhausted");

  @RegisterExtension final TemporaryDatabase sqlite = new TemporaryDatabase();

  private static JobStart start(String id, Instant at, boolean replay) {
    return new JobStart(id, "sleep", PARAMETERS, at, 1000, replay ? at : null, null, null);
  }

  private static JobFailure failure(String id, Instant at) {
    return new JobFailure(id, "sleep", PARAMETERS, ERROR, at, 2000);
  }

  @Test
  void find_unknownJob_isEmpty() {
    assertThat(sqlite.store().find("nope")).isEmpty();
  }

  @Test
  void start_newJob_recordsRunningWithOneAttempt() {
    Optional<JobRecord> started = sqlite.store().start(start("a", T0, false));

    assertThat(started).isPresent();
    assertThat(sqlite.store().find("a")).contains(started.get());
    assertThat(started.get().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(started.get().attempts()).isEqualTo(1);
    assertThat(started.get().parameters()).isEqualTo(PARAMETERS);
    assertThat(started.get().startedAt()).isEqualTo(T0);
  }

  @Test
  void start_retryOfRunningJob_countsAttemptAndKeepsFirstStart() {
    sqlite.store().start(start("a", T0, false));

    JobRecord retried = sqlite.store().start(start("a", T0.plusSeconds(60), false)).orElseThrow();

    assertThat(retried.attempts()).isEqualTo(2);
    assertThat(retried.startedAt()).isEqualTo(T0);
  }

  @Test
  void start_succeededJob_isRefusedEvenForReplay() {
    sqlite.store().start(start("a", T0, false));
    sqlite
        .store()
        .succeed("a", JobJson.MAPPER.createObjectNode().put("ok", true), T0.plusSeconds(1));

    assertThat(sqlite.store().start(start("a", T0.plusSeconds(2), false))).isEmpty();
    assertThat(sqlite.store().start(start("a", T0.plusSeconds(2), true))).isEmpty();
    assertThat(sqlite.store().find("a").orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void start_failedJob_isRefusedUnlessReplay() {
    sqlite.store().start(start("a", T0, false));
    sqlite.store().fail(failure("a", T0.plusSeconds(1)));

    assertThat(sqlite.store().start(start("a", T0.plusSeconds(2), false))).isEmpty();
    JobRecord replayed = sqlite.store().start(start("a", T0.plusSeconds(3), true)).orElseThrow();

    assertThat(replayed.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(replayed.attempts()).isEqualTo(2);
    assertThat(replayed.startedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(replayed.error()).isNull();
    assertThat(replayed.finishedAt()).isNull();
  }

  @Test
  void succeed_runningJob_storesResult() {
    sqlite.store().start(start("a", T0, false));

    assertThat(
            sqlite
                .store()
                .succeed("a", JobJson.MAPPER.createObjectNode().put("n", 1), T0.plusSeconds(5)))
        .isTrue();

    JobRecord job = sqlite.store().find("a").orElseThrow();
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job.result().get("n").asInt()).isEqualTo(1);
    assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void succeed_jobNotRunning_isRefused() {
    assertThat(sqlite.store().succeed("missing", JobJson.MAPPER.createObjectNode(), T0)).isFalse();
    sqlite.store().start(start("a", T0, false));
    sqlite.store().fail(failure("a", T0));

    assertThat(sqlite.store().succeed("a", JobJson.MAPPER.createObjectNode(), T0)).isFalse();
    assertThat(sqlite.store().find("a").orElseThrow().status()).isEqualTo(JobStatus.FAILED);
  }

  @Test
  void fail_jobNeverStarted_recordsFailureWithRequestFields() {
    assertThat(sqlite.store().fail(failure("b", T0))).isTrue();

    JobRecord job = sqlite.store().find("b").orElseThrow();
    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(job.type()).isEqualTo("sleep");
    assertThat(job.parameters()).isEqualTo(PARAMETERS);
    assertThat(job.error()).isEqualTo(ERROR);
    assertThat(job.attempts()).isZero();
    assertThat(job.expiresAt()).isEqualTo(2000);
  }

  @Test
  void fail_endedJob_isRefused() {
    sqlite.store().start(start("a", T0, false));
    sqlite.store().succeed("a", JobJson.MAPPER.createObjectNode(), T0);

    assertThat(sqlite.store().fail(failure("a", T0))).isFalse();
    assertThat(sqlite.store().fail(failure("b", T0))).isTrue();
    assertThat(sqlite.store().fail(failure("b", T0))).isFalse();
  }

  @Test
  void records_surviveReopeningTheDatabase() {
    sqlite.store().start(start("a", T0, false));

    sqlite.reopen();

    assertThat(sqlite.store().find("a").orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
  }

  /** A data directory whose database an older runtime left, as these statements write it. */
  private Path olderDatabase(String name, String... statements) throws Exception {
    Path dataDir = sqlite.directory().resolve(name);
    java.nio.file.Files.createDirectories(dataDir);
    try (Connection connection = DatabaseFile.open(dataDir);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    return dataDir;
  }

  @Test
  void open_jobTableFromBeforeTheList_fillsTheStatusTimesAndListsTheOldJobs() throws Exception {
    Path old =
        olderDatabase(
            "old",
            "CREATE TABLE jobs (id TEXT PRIMARY KEY, status TEXT NOT NULL, type TEXT,"
                + " parameters TEXT, result TEXT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0,"
                + " started_at TEXT, finished_at TEXT, expires_at INTEGER NOT NULL DEFAULT 0)",
            "INSERT INTO jobs (id, status, type, attempts, started_at, finished_at) VALUES"
                + " ('running', 'RUNNING', 'sleep', 1, '2026-01-01T00:00:05Z', NULL),"
                + " ('failed', 'FAILED', 'sleep', 1, '2026-01-01T00:00:01Z',"
                + " '2026-01-01T00:00:03.5Z')");

    try (Database migrated = Database.open(old)) {
      JobPage page =
          new SqliteJobStore(migrated)
              .list(new JobQuery(Optional.empty(), T0, T0.plusSeconds(60), 10, Optional.empty()));

      assertThat(page.jobs()).extracting(JobRecord::id).containsExactly("running", "failed");
    }
  }

  @Test
  void open_jobTableFromBeforeProgressAndCancel_keepsItsJobsAndTakesTheNewOperations()
      throws Exception {
    Path old =
        olderDatabase(
            "before-cancel",
            "CREATE TABLE jobs (id TEXT PRIMARY KEY, status TEXT NOT NULL, type TEXT,"
                + " parameters TEXT, result TEXT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0,"
                + " started_at TEXT, finished_at TEXT, expires_at INTEGER NOT NULL DEFAULT 0,"
                + " status_at TEXT)",
            "INSERT INTO jobs (id, status, type, parameters, attempts, started_at, status_at)"
                + " VALUES ('running', 'RUNNING', 'sleep', '{\"seconds\":9}', 1,"
                + " '2026-01-01T00:00:05Z', '2026-01-01T00:00:05.000000000Z')");

    try (Database migrated = Database.open(old)) {
      SqliteJobStore upgraded = new SqliteJobStore(migrated);
      JobRecord before = upgraded.find("running").orElseThrow();
      assertThat(before.progress()).isNull();
      assertThat(before.timeoutSeconds()).isNull();

      assertThat(upgraded.progress("running", 1, new JobProgress(1, 9, null, T0), T0))
          .isEqualTo(JobStore.Heartbeat.RUNNING);
      assertThat(upgraded.cancel("running", T0.plusSeconds(1), 5).outcome())
          .isEqualTo(JobStore.CancelOutcome.CANCEL_RECORDED);
      assertThat(upgraded.cancelled("running", 1, T0.plusSeconds(2))).isTrue();
      JobRecord after = upgraded.find("running").orElseThrow();
      assertThat(after.status()).isEqualTo(JobStatus.CANCELLED);
      assertThat(after.progress()).isEqualTo(new JobProgress(1, 9, null, T0));
    }
  }

  @Test
  void list_readsARangeOfAnIndex_notTheTable() throws Exception {
    try (Connection connection = DatabaseFile.open(sqlite.directory());
        Statement statement = connection.createStatement()) {
      for (String where :
          new String[] {
            "status = 'FAILED' AND status_at >= 'a' AND status_at < 'b'",
            "status_at >= 'a' AND status_at < 'b'",
            "status_at >= 'a' AND status_at <= 'b' AND (status_at < 'b' OR id < 'x')"
          }) {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows =
            statement.executeQuery(
                "EXPLAIN QUERY PLAN SELECT * FROM jobs WHERE "
                    + where
                    + " ORDER BY status_at DESC, id DESC LIMIT 21")) {
          while (rows.next()) {
            plan.append(rows.getString("detail")).append('\n');
          }
        }
        assertThat(plan.toString())
            .as(where)
            .contains("USING INDEX jobs_by")
            .doesNotContain("TEMP B-TREE");
      }
    }
  }
}
