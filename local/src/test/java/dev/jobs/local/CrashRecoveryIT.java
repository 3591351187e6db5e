package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
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
      ResultSet check = statement.executeQuery("PRAGMA integrity_check");
      check.next();
      assertThat(check.getString(1)).isEqualTo("ok");
      ResultSet queued = statement.executeQuery("SELECT count(*) FROM invocations");
      queued.next();
      assertThat(queued.getLong(1)).isZero();
      // A job committed just before the kill may have lost only its 202: it runs too.
      ResultSet jobs =
          statement.executeQuery("SELECT count(*), sum(status = 'SUCCEEDED') FROM jobs");
      jobs.next();
      assertThat(jobs.getLong(1)).isGreaterThanOrEqualTo(accepted.size());
      assertThat(jobs.getLong(2)).isEqualTo(jobs.getLong(1));
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
