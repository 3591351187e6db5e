package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The runtime in a child JVM, killed with SIGKILL or stopped with SIGTERM, then restarted. */
class CrashRecoveryIT {
  @TempDir Path directory;

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void kill9_withJobsQueuedAndRunning_everyAcceptedJobEndsExactlyOnceAfterRestart()
      throws Exception {
    int port = freePort();
    ChildRuntime first = ChildRuntime.start(directory, port, "--retry-delay=1", "--concurrency=4");
    ApiClient api = ApiClient.forRole(first.endpoint());
    List<String> accepted = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 6; i++) {
      accepted.add(api.submit("{\"seconds\":2}").body().get("id").asString());
    }
    AtomicBoolean submitting = new AtomicBoolean(true);
    Thread submitter =
        new Thread(
            () -> {
              while (submitting.get()) {
                try {
                  ApiClient.Response response = api.submit("{\"type\":\"noop\"}");
                  if (response.status() == 202) {
                    accepted.add(response.body().get("id").asString());
                  }
                } catch (RuntimeException connectionLost) {
                  return;
                }
              }
            });
    submitter.start();
    Thread.sleep(700);

    first.process.destroyForcibly(); // SIGKILL
    assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    submitting.set(false);
    submitter.join();

    ChildRuntime second = ChildRuntime.start(directory, port, "--retry-delay=1", "--concurrency=4");
    try {
      ApiClient again = ApiClient.forRole(second.endpoint());
      assertThat(accepted).hasSizeGreaterThan(6);
      for (String id : accepted) {
        JsonNode job = again.awaitTerminal(id, Duration.ofSeconds(60));
        assertThat(job.get("status").asString()).as(id).isEqualTo("SUCCEEDED");
      }
    } finally {
      second.process.destroy();
      assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    // The file as it is on disk, read past the store's own code.
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("jobs.db"));
        Statement statement = connection.createStatement()) {
      assertThat(single(statement, "PRAGMA integrity_check")).isEqualTo("ok");
      assertThat(single(statement, "SELECT count(*) FROM invocations")).isEqualTo("0");
      // A job committed just before the kill may have lost only its 202: it runs too.
      assertThat(Long.parseLong(single(statement, "SELECT count(*) FROM jobs")))
          .isGreaterThanOrEqualTo(accepted.size());
      assertThat(single(statement, "SELECT count(*) FROM jobs WHERE status <> 'SUCCEEDED'"))
          .isEqualTo("0");
    }
  }

  /** The first column of the query's one row. */
  private static String single(Statement statement, String query) throws SQLException {
    try (ResultSet result = statement.executeQuery(query)) {
      assertThat(result.next()).as(query).isTrue();
      return result.getString(1);
    }
  }

  @Test
  void kill9_afterCancels_theJobsAreCancelledAfterRestartAndDoNotRunAgain() throws Exception {
    int port = freePort();
    ChildRuntime first = ChildRuntime.start(directory, port, "--concurrency=1");
    ApiClient api = ApiClient.forRole(first.endpoint());
    String running = api.submit("{\"seconds\":60}").body().get("id").asString();
    while (api.get(running).status() != 200) {
      Thread.sleep(20);
    }
    String queued = api.submit("{\"seconds\":1}").body().get("id").asString();
    assertThat(api.cancel(queued).body().get("status").asString()).isEqualTo("CANCELLED");
    // Killed at once: the running attempt may not have written since it learned of its cancel.
    assertThat(api.cancel(running).status()).isEqualTo(202);

    Instant killed = Instant.now();
    first.process.destroyForcibly(); // SIGKILL
    assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).isTrue();

    ChildRuntime second = ChildRuntime.start(directory, port, "--concurrency=1");
    try {
      ApiClient again = ApiClient.forRole(second.endpoint());
      JsonNode stopped = again.awaitTerminal(running, Duration.ofSeconds(10));
      assertThat(stopped.get("status").asString()).isEqualTo("CANCELLED");
      // Its redelivery, if it still had one, found the cancel and ended before running: no
      // progress was reported after the kill.
      JsonNode progress = stopped.get("progress");
      if (progress != null) {
        assertThat(Instant.parse(progress.get("at").asString())).isBefore(killed);
      }
      // The queued job's delivery, resumed from disk, may come last: give it the time to.
      long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < until) {
        JsonNode job = again.get(queued).body();
        assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(job.get("attempts").asInt()).isZero();
        assertThat(job.has("startedAt")).isFalse();
        Thread.sleep(100);
      }
    } finally {
      second.process.destroy();
      assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("jobs.db"));
        Statement statement = connection.createStatement()) {
      assertThat(single(statement, "SELECT count(*) FROM invocations")).isEqualTo("0");
    }
  }

  @Test
  void sigterm_letsTheRunningAttemptFinishWithinTheGrace_andKeepsTheQueuedForTheNextStart()
      throws Exception {
    int port = freePort();
    ChildRuntime first = ChildRuntime.start(directory, port, "--concurrency=1", "--grace=10");
    ApiClient api = ApiClient.forRole(first.endpoint());
    String running = api.submit("{\"seconds\":2}").body().get("id").asString();
    String queued = api.submit("{\"type\":\"noop\"}").body().get("id").asString();
    while (api.get(running).status() != 200) {
      Thread.sleep(20);
    }

    first.process.destroy(); // SIGTERM
    assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(RuntimeFile.read(directory)).isEmpty();

    ChildRuntime second = ChildRuntime.start(directory, port, "--concurrency=1");
    try {
      ApiClient again = ApiClient.forRole(second.endpoint());
      JsonNode finished = again.awaitTerminal(running, Duration.ofSeconds(5));
      assertThat(finished.get("status").asString()).isEqualTo("SUCCEEDED");
      assertThat(finished.get("attempts").asInt()).isEqualTo(1);
      assertThat(again.awaitTerminal(queued, Duration.ofSeconds(10)).get("status").asString())
          .isEqualTo("SUCCEEDED");
    } finally {
      second.process.destroy();
      second.process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
