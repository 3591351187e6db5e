package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.local.store.DatabaseFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The runtime in a child JVM, killed with SIGKILL or stopped with SIGTERM, then restarted on the
 * same data dir: what was accepted before is neither lost nor run twice.
 */
class CrashRecoveryIT {
  /** The processing function's workers in the child runtime: the most jobs a kill can cut short. */
  private static final int WORKERS = 4;

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
      assertThat(second.stop()).isTrue();
    }
    // The file as it is on disk, read past the store's own code.
    try (Connection connection = DatabaseFile.open(directory);
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

  @Test
  void kill9_duringTwoHundredNamedPuts_everyAcceptedIdEndsOnceAndNoneIsLostOrRunTwice()
      throws Exception {
    int port = freePort();
    ChildRuntime first = ChildRuntime.start(directory, port, "--concurrency=" + WORKERS);
    ApiClient api = ApiClient.forRole(first.endpoint());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add(String.format(Locale.ROOT, "named-%03d", i));
    }
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    Set<String> unanswered = ConcurrentHashMap.newKeySet();
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    // Four clients send the PUTs; the one whose answer makes the hundredth 202 kills the runtime,
    // so the others' requests in flight are cut, some after their job was committed.
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> sending = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      sending.add(
          clients.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                  String id = ids.get(i);
                  try {
                    ApiClient.Response answer = api.put(id, recorded(id));
                    assertThat(answer.status()).as(answer.text()).isEqualTo(202);
                    accepted.add(id);
                    if (accepted.size() >= ids.size() / 2 && killed.compareAndSet(false, true)) {
                      first.process.destroyForcibly(); // SIGKILL
                    }
                  } catch (IllegalStateException noAnswer) {
                    unanswered.add(id);
                  }
                }
                return null;
              }));
    }
    for (Future<?> client : sending) {
      client.get(60, TimeUnit.SECONDS);
    }
    clients.shutdown();
    assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(killed).isTrue();
    assertThat(unanswered).as("PUTs the kill left without an answer").isNotEmpty();
    assertThat(accepted).hasSizeLessThan(ids.size()).hasSizeGreaterThanOrEqualTo(ids.size() / 2);
    long firstPid = first.process.pid();
    int answered = accepted.size();

    ChildRuntime second = ChildRuntime.start(directory, port, "--concurrency=" + WORKERS);
    Map<String, JsonNode> ended = new HashMap<>();
    try {
      ApiClient again = ApiClient.forRole(second.endpoint());
      // The client resends what got no answer, then, as a careless one would, everything.
      for (String id : sendAtOnce(again, List.copyOf(unanswered))) {
        accepted.add(id);
      }
      assertThat(sendAtOnce(again, ids)).containsExactlyInAnyOrderElementsOf(ids);
      for (String id : ids) {
        ended.put(id, again.awaitTerminal(id, Duration.ofSeconds(60)));
      }
      Thread.sleep(500); // a second run, were there one, would have come by now
    } finally {
      assertThat(second.stop()).isTrue();
    }

    assertThat(accepted).containsExactlyInAnyOrderElementsOf(ids);
    Map<String, List<Run>> runs = runs(directory.resolve(ChildRuntime.RECORDED_RUNS));
    assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    List<String> cutShort = new ArrayList<>();
    for (String id : ids) {
      JsonNode job = ended.get(id);
      assertThat(job.get("status").asString()).as(id).isEqualTo("SUCCEEDED");
      int attempts = job.get("attempts").asInt();
      List<Run> ofJob = runs.get(id);
      // No attempt ran twice, and the recorded one is the last that ran.
      assertThat(ofJob.stream().map(Run::attempt).distinct().count())
          .as("attempts of %s that ran: %s", id, ofJob)
          .isEqualTo(ofJob.size());
      assertThat(ofJob.get(ofJob.size() - 1).attempt()).as(id).isEqualTo(attempts);
      if (attempts == 1) {
        assertThat(ofJob).as(id).hasSize(1);
      } else {
        // An attempt the kill cut short runs again as the next, after the restart only, as a
        // crashed Lambda attempt is retried: never a second queueing of the PUT.
        cutShort.add(id);
        assertThat(attempts).as(id).isEqualTo(2);
        assertThat(ofJob)
            .as(id)
            .allSatisfy(
                run ->
                    assertThat(run.pid())
                        .isEqualTo(run.attempt() == 1 ? firstPid : second.process.pid()));
      }
    }
    assertThat(cutShort).as("jobs running at the kill").hasSizeLessThanOrEqualTo(WORKERS);
    System.out.printf(
        "200 PUTs: %d answered before the kill, %d not; %d jobs cut short by the kill ran again as"
            + " attempt 2: %s%n",
        answered, unanswered.size(), cutShort.size(), cutShort);
    try (Connection connection = DatabaseFile.open(directory);
        Statement statement = connection.createStatement()) {
      assertThat(single(statement, "PRAGMA integrity_check")).isEqualTo("ok");
      assertThat(single(statement, "SELECT count(*) FROM jobs")).isEqualTo("200");
      assertThat(single(statement, "SELECT count(*) FROM invocations")).isEqualTo("0");
    }
  }

  /** A recorded job's body, the same bytes for every send of one id. */
  private static String recorded(String id) {
    return "{\"type\":\"recorded\",\"tag\":\"" + id + "\"}";
  }

  /** PUTs each id from four threads at once; the ids answered 202 (anything else fails). */
  private static List<String> sendAtOnce(ApiClient api, List<String> ids) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (String id : ids) {
        answers.add(
            clients.submit(
                () -> {
                  ApiClient.Response answer = api.put(id, recorded(id));
                  assertThat(answer.status()).as(id + ": " + answer.text()).isEqualTo(202);
                  return answer.body().get("id").asString();
                }));
      }
      List<String> answered = new ArrayList<>();
      for (Future<String> answer : answers) {
        answered.add(answer.get(60, TimeUnit.SECONDS));
      }
      return answered;
    } finally {
      clients.shutdownNow();
    }
  }

  /** One run of a recorded job, as its line in the runs file says. */
  private record Run(int attempt, long pid) {}

  /** The runs file's lines by job id, in the order they ran. */
  private static Map<String, List<Run>> runs(Path file) throws IOException {
    Map<String, List<Run>> runs = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] fields = line.split(" ");
      assertThat(fields).as("a line of %s: %s", file, line).hasSize(3);
      runs.computeIfAbsent(fields[0], id -> new ArrayList<>())
          .add(new Run(Integer.parseInt(fields[1]), Long.parseLong(fields[2])));
    }
    return runs;
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
      assertThat(second.stop()).isTrue();
    }
    try (Connection connection = DatabaseFile.open(directory);
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

    assertThat(first.stop()).isTrue();
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
      second.stop();
    }
  }
}
