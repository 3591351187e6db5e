package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.kind.SleepJob;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.testing.FakeLambdaContext;
import dev.jobs.backend.testing.HandlerCalls;
import dev.jobs.backend.testing.ParameterlessJob;
import dev.jobs.kind.JobContext;
import dev.jobs.kind.JobFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ProcessJobHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String ID = "5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10";

  private final InMemoryJobStore store = new InMemoryJobStore();
  private final AtomicInteger sleeps = new AtomicInteger();
  private final ScriptedJob scripted = new ScriptedJob();
  private final Backend backend =
      Backend.create(
          store,
          JobKinds.of(new SleepJob(d -> sleeps.incrementAndGet()), scripted),
          Clock.fixed(NOW, ZoneOffset.UTC),
          Duration.ofDays(30));
  private final ProcessJobHandler handler = new ProcessJobHandler(backend.processor());

  @Test
  void aJobRunsAndIsRecordedSucceededWithItsResult() throws Exception {
    JsonNode answer = handle("{\"id\":\"" + ID + "\",\"parameters\":{\"seconds\":3}}");

    JobRecord record = store.find(ID).orElseThrow();
    assertThat(answer.get("outcome").asString()).isEqualTo("SUCCEEDED");
    assertThat(record.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(record.type()).isEqualTo("sleep");
    assertThat(record.parameters().toString()).isEqualTo("{\"seconds\":3}");
    assertThat(record.result().toString()).isEqualTo("{\"message\":\"I slept for 3 seconds\"}");
    assertThat(record.attempts()).isEqualTo(1);
    assertThat(record.startedAt()).isEqualTo(NOW);
    assertThat(record.finishedAt()).isEqualTo(NOW);
    assertThat(record.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)).getEpochSecond());
    assertThat(sleeps).hasValue(3);
  }

  @Test
  void aRunningJobIsRecordedRunningWhileItWorks() throws Exception {
    scripted.during = context -> store.find(context.jobId()).orElseThrow();

    handle(scriptedJob());

    assertThat(scripted.seen.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(scripted.seen.attempts()).isEqualTo(1);
  }

  @Test
  void aFailingJobThrowsSoThatLambdaRetriesAndStaysRunning() {
    scripted.failWith = new IllegalStateException("downstream unavailable");

    assertThatThrownBy(() -> handle(scriptedJob()))
        .isInstanceOf(JobFailedException.class)
        .hasMessage("downstream unavailable");
    assertThat(store.find(ID).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void aRetryOfARunningJobCountsAnotherAttemptAndKeepsTheFirstStart() throws Exception {
    scripted.failWith = new IllegalStateException("first attempt fails");
    assertThatThrownBy(() -> handle(scriptedJob())).isInstanceOf(JobFailedException.class);
    scripted.failWith = null;

    handle(scriptedJob());

    assertSucceededAfterTwoRuns();
  }

  @Test
  void aLateDuplicateDeliveryAfterSuccessNeitherRunsNorChangesTheRecord() throws Exception {
    handle(scriptedJob());
    JobRecord done = store.find(ID).orElseThrow();

    JsonNode answer = handle(scriptedJob());

    assertSkippedLeaving(answer, done);
    assertThat(scripted.runs).hasValue(1);
  }

  @Test
  void aLateDuplicateDeliveryAfterFailureDoesNotRunAgain() throws Exception {
    JobRecord failed = failedRecord();
    store.put(failed);

    JsonNode answer = handle(scriptedJob());

    assertSkippedLeaving(answer, failed);
    assertThat(scripted.runs).hasValue(0);
  }

  @Test
  void concurrentDuplicateDeliveriesLeaveOneTerminalRecord() throws Exception {
    CountDownLatch bothRunning = new CountDownLatch(2);
    scripted.during =
        context -> {
          bothRunning.countDown();
          if (!bothRunning.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the two deliveries never ran at once");
          }
          return null;
        };
    Thread other = new Thread(() -> handleUnchecked(scriptedJob()));
    other.start();
    handle(scriptedJob());
    other.join();

    assertSucceededAfterTwoRuns();
  }

  @Test
  void invalidParametersAreRecordedFailedWithoutAnAttempt() throws Exception {
    JsonNode answer = handle("{\"id\":\"" + ID + "\",\"parameters\":{\"seconds\":0}}");

    JobRecord record = store.find(ID).orElseThrow();
    assertThat(answer.get("outcome").asString()).isEqualTo("REJECTED");
    assertThat(record.status()).isEqualTo(JobStatus.FAILED);
    assertThat(record.attempts()).isZero();
    assertThat(record.error())
        .isEqualTo(
            new JobError(
                "InvalidJobException", "'seconds' must be at least 1", "ValidationFailed"));
    assertThat(sleeps).hasValue(0);
  }

  @Test
  void anEventWithoutAJobIdIsRejectedAndNothingIsRecorded() {
    assertThatThrownBy(() -> handle("{\"parameters\":{\"seconds\":3}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no job id");
  }

  @Test
  void aReplayedArchiveEventReDrivesTheFailedJobUnderTheSameId() throws Exception {
    store.put(failedRecord());

    JsonNode answer = handle(Fixtures.json("replayed-archive-event.json").toString());

    JobRecord record = store.find(ID).orElseThrow();
    assertThat(answer.get("outcome").asString()).isEqualTo("SUCCEEDED");
    assertThat(record.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(record.error()).isNull();
    assertThat(record.attempts()).isEqualTo(2);
    assertThat(record.result().toString()).isEqualTo("{\"message\":\"I slept for 2 seconds\"}");
  }

  @Test
  void aDuplicateOfAReplayedEventDoesNotReDriveTheJobAgain() throws Exception {
    store.put(failedRecord());
    ObjectNode event = (ObjectNode) Fixtures.json("replayed-archive-event.json");
    event.put("time", NOW.minusSeconds(10).toString());
    ((ObjectNode) event.get("detail").get("requestPayload").get("requestPayload"))
        .set("parameters", JobJson.MAPPER.createObjectNode().put("type", "scripted"));
    scripted.failWith = new IllegalStateException("fails again");
    assertThatThrownBy(() -> handle(event.toString())).isInstanceOf(JobFailedException.class);
    JobRecord reDriven = store.find(ID).orElseThrow();

    JsonNode answer = handle(event.toString());

    assertSkippedLeaving(answer, reDriven);
    assertThat(scripted.runs).hasValue(1);
    assertThat(reDriven.attempts()).isEqualTo(2);
  }

  @Test
  void aReplayedEventWithoutATimeIsRejected() {
    store.put(failedRecord());
    ObjectNode event = (ObjectNode) Fixtures.json("replayed-archive-event.json");
    event.remove("time");

    assertThatThrownBy(() -> handle(event.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no time");
    assertThat(store.find(ID)).contains(failedRecord());
  }

  @Test
  void aReplayOfASucceededJobDoesNothing() throws Exception {
    handle("{\"id\":\"" + ID + "\",\"parameters\":{\"seconds\":2}}");
    JobRecord done = store.find(ID).orElseThrow();

    JsonNode answer = handle(Fixtures.json("replayed-archive-event.json").toString());

    assertSkippedLeaving(answer, done);
    assertThat(sleeps).hasValue(2);
  }

  @Test
  void theJobSeesTheTimeTheFunctionHasLeft() throws Exception {
    scripted.during = context -> context.remainingTime();

    handle(scriptedJob());

    assertThat(scripted.seenRemaining).isEqualTo(Duration.ofMillis(60_000));
  }

  private JobRecord failedRecord() {
    return JobRecord.builder(ID)
        .status(JobStatus.FAILED)
        .type("sleep")
        .parameters((ObjectNode) JobJson.MAPPER.readTree("{\"seconds\":2}"))
        .error(new JobError("dev.jobs.kind.JobFailedException", "boom", "RetriesExhausted"))
        .attempts(1)
        .startedAt(NOW.minusSeconds(60))
        .finishedAt(NOW.minusSeconds(30))
        .expiresAt(NOW.getEpochSecond())
        .build();
  }

  /** The handler skipped the delivery, and the job's record is as it was. */
  /** Two deliveries ran the job, and the record says so: SUCCEEDED in its second attempt. */
  private void assertSucceededAfterTwoRuns() {
    JobRecord record = store.find(ID).orElseThrow();
    assertThat(record.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(record.attempts()).isEqualTo(2);
    assertThat(scripted.runs).hasValue(2);
  }

  private void assertSkippedLeaving(JsonNode answer, JobRecord record) {
    assertThat(answer.get("outcome").asString()).isEqualTo("SKIPPED");
    assertThat(store.find(ID)).contains(record);
  }

  private static String scriptedJob() {
    return "{\"id\":\"" + ID + "\",\"parameters\":{\"type\":\"scripted\"}}";
  }

  private JsonNode handle(String event) throws Exception {
    return HandlerCalls.json(handler, event, FakeLambdaContext.of(60_000));
  }

  private void handleUnchecked(String event) {
    try {
      handle(event);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A job kind whose behaviour each test sets. */
  private static final class ScriptedJob extends ParameterlessJob {
    interface During {
      Object apply(JobContext context) throws Exception;
    }

    final AtomicInteger runs = new AtomicInteger();
    volatile During during = context -> null;
    volatile RuntimeException failWith;
    volatile JobRecord seen;
    volatile Duration seenRemaining;

    ScriptedJob() {
      super("scripted");
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) throws Exception {
      runs.incrementAndGet();
      Object observed = during.apply(context);
      if (observed instanceof JobRecord record) {
        seen = record;
      } else if (observed instanceof Duration remaining) {
        seenRemaining = remaining;
      }
      if (failWith != null) {
        throw failWith;
      }
      return JobJson.MAPPER.createObjectNode().put("ok", true);
    }
  }
}
