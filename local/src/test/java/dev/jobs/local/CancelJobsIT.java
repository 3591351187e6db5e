package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.local.ApiClient.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Progress and cancel through a running local runtime's API, as the CLI calls it. */
class CancelJobsIT {
  /** One worker: a second job waits in the queue while the first runs. */
  @RegisterExtension
  static final RunningRuntime local =
      new RunningRuntime(options -> options.processing(p -> p.withConcurrency(1)));

  private static JsonNode awaitRunning(String id) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < until) {
      Response response = local.api().get(id);
      if (response.status() == 200) {
        return response.body();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("job " + id + " did not start");
  }

  @Test
  void runningSleep_reportsGrowingProgressAndStopsWithinASecondOfACancel() throws Exception {
    String id = local.api().submit("{\"seconds\":60}").body().get("id").asString();
    JsonNode started = awaitRunning(id);
    assertThat(started.get("timeoutSeconds").asInt()).isBetween(1, 900);
    assertThat(started.has("heartbeatAt")).isTrue();
    Thread.sleep(2_300);
    long first = local.api().get(id).body().get("progress").get("done").asLong();
    Thread.sleep(1_100);
    JsonNode later = local.api().get(id).body();
    assertThat(later.get("progress").get("done").asLong()).isGreaterThan(first);
    assertThat(later.get("progress").get("total").asLong()).isEqualTo(60);

    long asked = System.nanoTime();
    Response cancelled = local.api().cancel(id);

    assertThat(cancelled.status()).isEqualTo(202);
    assertThat(cancelled.body().get("status").asString()).isEqualTo("RUNNING");
    assertThat(cancelled.body().has("cancelRequestedAt")).isTrue();
    JsonNode ended = local.api().awaitTerminal(id, Duration.ofSeconds(3));
    assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(3));
    assertThat(ended.get("status").asString()).isEqualTo("CANCELLED");
    assertThat(ended.get("attempts").asInt()).isEqualTo(1);
    assertThat(ended.has("finishedAt")).isTrue();
    assertThat(local.api().cancel(id).status()).isEqualTo(202);
    assertThat(local.api().list("status=CANCELLED").text()).contains(id);
  }

  @Test
  void jobCancelledWhileQueued_neverRunsWhenItsDeliveryArrives() throws Exception {
    String blocker = local.api().submit("{\"seconds\":60}").body().get("id").asString();
    awaitRunning(blocker);
    String queued = local.api().submit("{\"seconds\":1}").body().get("id").asString();

    Response cancelled = local.api().cancel(queued);

    assertThat(cancelled.status()).isEqualTo(202);
    assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
    assertThat(cancelled.body().get("attempts").asInt()).isZero();
    local.api().cancel(blocker);
    local.api().awaitTerminal(blocker, Duration.ofSeconds(3));
    // The worker is free: the queued delivery runs now, and must not start the job.
    Thread.sleep(500);
    JsonNode job = local.api().get(queued).body();
    assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
    assertThat(job.get("attempts").asInt()).isZero();
    assertThat(job.has("startedAt")).isFalse();
  }

  @Test
  void succeededJob_answers409AndStaysAsItWas() {
    String id = local.api().submit("{\"type\":\"noop\"}").body().get("id").asString();
    JsonNode succeeded = local.api().awaitTerminal(id, Duration.ofSeconds(10));

    Response response = local.api().cancel(id);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.text())
        .isEqualTo("{\"message\":\"job " + id + " already ended SUCCEEDED\"}");
    assertThat(local.api().get(id).body()).isEqualTo(succeeded);
  }

  @Test
  void idOutsideTheJobIdPattern_answers400() {
    Response response = local.api().cancel("bad%20id");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("message").asString()).startsWith("not a job id");
  }
}
