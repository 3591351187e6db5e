package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.local.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Jobs named by their client ({@code PUT /jobs/{id}}) and retried from their record ({@code POST
 * /jobs/{id}/retry}) through a running local runtime's API, as the CLI calls them.
 */
class NamedJobsIT {
  @RegisterExtension static final RunningRuntime local = new RunningRuntime(options -> options);

  private static String newId() {
    return "it-" + UUID.randomUUID();
  }

  /** Runs {@code calls} copies of a call at the same moment; their answers' statuses. */
  private static List<Response> atOnce(int calls, Callable<Response> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(calls);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        answers.add(
            threads.submit(
                () -> {
                  go.await();
                  return call.call();
                }));
      }
      go.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        responses.add(answer.get());
      }
      return responses;
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void twentyConcurrentIdenticalPuts_allAnswerTheIdAndTheJobRunsOnce() throws Exception {
    String id = newId();

    List<Response> answers =
        atOnce(20, () -> local.api().put(id, "{\"type\":\"counted\",\"tag\":\"a\"}"));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(202));
    assertThat(answers)
        .allSatisfy(answer -> assertThat(answer.body().get("id").asString()).isEqualTo(id));
    JsonNode ended = local.api().awaitTerminal(id, Duration.ofSeconds(10));
    assertThat(ended.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(ended.get("attempts").asInt()).isEqualTo(1);
    Thread.sleep(300); // a second run, were there one, would have come by now
    assertThat(TestJobs.Counted.RUNS.get(id).get()).isEqualTo(1);
    // Again after the end: the same answer, and nothing runs.
    assertThat(local.api().put(id, "{\"tag\":\"a\",\"type\":\"counted\"}").status()).isEqualTo(202);
    Thread.sleep(300);
    assertThat(TestJobs.Counted.RUNS.get(id).get()).isEqualTo(1);
  }

  @Test
  void putWithOtherParameters_answers409AndChangesNothing() {
    String id = newId();
    local.api().put(id, "{\"type\":\"counted\",\"tag\":\"a\"}");
    JsonNode before = local.api().awaitTerminal(id, Duration.ofSeconds(10));

    Response other = local.api().put(id, "{\"type\":\"counted\",\"tag\":\"b\"}");

    assertThat(other.status()).isEqualTo(409);
    assertThat(other.text())
        .isEqualTo("{\"message\":\"job " + id + " exists with other parameters\"}");
    assertThat(local.api().get(id).body()).isEqualTo(before);
  }

  @Test
  void putOfABadIdOrBody_answers400AndRecordsNothing() {
    Response badId = local.api().put("-bad", "{\"seconds\":1}");
    String id = newId();
    Response badBody = local.api().put(id, "{\"seconds\":\"x\"}");

    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.body().get("message").asString()).startsWith("not a job id");
    assertThat(badBody.status()).isEqualTo(400);
    assertThat(badBody.body().get("message").asString()).isEqualTo("Invalid request body");
    assertThat(local.api().get(id).status()).isEqualTo(404);
  }

  @Test
  void putJob_isQueuedAtOnceAndListedQueuedUntilItStarts() {
    String id = newId();
    Response put = local.api().put(id, "{\"type\":\"counted\"}");
    assertThat(put.status()).isEqualTo(202);
    Response read = local.api().get(id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().get("status").asString()).isIn("QUEUED", "RUNNING", "SUCCEEDED");
  }

  @Test
  void putJobWithParametersItsKindRejects_endsFailedValidationFailed_notQueuedForever() {
    String id = newId();
    assertThat(local.api().put(id, "{\"type\":\"flaky\",\"failures\":1,\"note\":\"x\"}").status())
        .isEqualTo(202);

    JsonNode job = local.api().awaitTerminal(id, Duration.ofSeconds(10));

    assertThat(job.get("status").asString()).isEqualTo("FAILED");
    assertThat(job.get("attempts").asInt()).isZero();
    assertThat(job.path("error").path("condition").asString()).isEqualTo("ValidationFailed");
  }

  @Test
  void twoConcurrentRetries_queueOneNewAttempt() throws Exception {
    String id = newId();
    local.api().put(id, "{\"type\":\"fail\"}");
    JsonNode failed = local.api().awaitTerminal(id, Duration.ofSeconds(10));
    assertThat(failed.get("status").asString()).isEqualTo("FAILED");
    int attempts = failed.get("attempts").asInt();

    List<Response> answers = atOnce(2, () -> local.api().retry(id, ""));

    assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(202, 409);
    Response refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
    assertThat(refused.body().get("message").asString())
        .matches("job " + id + " is (QUEUED|RUNNING|FAILED): only a FAILED job is retried");
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    JsonNode again = local.api().get(id).body();
    while (again.get("attempts").asInt() == attempts || !again.has("finishedAt")) {
      assertThat(System.nanoTime()).isLessThan(until);
      again = local.api().get(id).body();
    }
    assertThat(again.get("status").asString()).isEqualTo("FAILED");
    assertThat(again.get("attempts").asInt()).isEqualTo(attempts + 1);
  }

  @Test
  void retry_answers404ForAnUnknownJobAnd409ForOneThatSucceeded() {
    String id = newId();
    assertThat(local.api().retry(id, "").status()).isEqualTo(404);
    local.api().put(id, "{\"type\":\"counted\"}");
    local.api().awaitTerminal(id, Duration.ofSeconds(10));

    Response refused = local.api().retry(id, "cancelled=true");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().get("message").asString())
        .isEqualTo("job " + id + " is SUCCEEDED: only a FAILED or CANCELLED job is retried");
  }

  @Test
  void list_filtersByTypeAndErrorCondition() {
    String failed = newId();
    local.api().put(failed, "{\"type\":\"fail\"}");
    local.api().awaitTerminal(failed, Duration.ofSeconds(10));
    String succeeded = newId();
    local.api().put(succeeded, "{\"type\":\"counted\"}");
    local.api().awaitTerminal(succeeded, Duration.ofSeconds(10));

    String page = local.api().list("type=fail&condition=RetriesExhausted&limit=100").text();

    assertThat(page).contains(failed).doesNotContain(succeeded);
    assertThat(local.api().list("errorType=").status()).isEqualTo(400);
  }
}
