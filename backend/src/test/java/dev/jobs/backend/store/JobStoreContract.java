package dev.jobs.backend.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every transition of the {@link JobStore} port, as its javadoc states them. An adapter passes by
 * extending this class and returning a store from {@link #store()}; each test uses fresh job ids,
 * so the store may be shared between tests.
 */
public abstract class JobStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456789Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Instant T2 = T0.plusSeconds(120);
  private static final Instant T3 = T0.plusSeconds(180);
  private static final long EXPIRES_AT = T0.plusSeconds(30 * 86_400).getEpochSecond();
  private static final JobError RETRIES_EXHAUSTED =
      new JobError("JobFailedException", "the job broke", "RetriesExhausted");

  /** The store under test. */
  protected abstract JobStore store();

  private static String newId() {
    return "job-" + UUID.randomUUID();
  }

  private static ObjectNode parameters(int seconds) {
    return JobJson.MAPPER.createObjectNode().put("seconds", seconds);
  }

  private static JobStart start(String id, Instant at, boolean replay) {
    return new JobStart(id, "sleep", parameters(5), at, EXPIRES_AT, replay);
  }

  private static JobFailure failure(String id, JobError error, Instant at) {
    return new JobFailure(id, "sleep", parameters(5), error, at, EXPIRES_AT + 1);
  }

  private static JsonNode result(String message) {
    return JobJson.MAPPER.createObjectNode().put("message", message);
  }

  private JobRecord stored(String id) {
    return store().find(id).orElseThrow(() -> new AssertionError("no record for " + id));
  }

  @Test
  void find_unknownId_isEmpty() {
    assertThat(store().find(newId())).isEmpty();
  }

  @Test
  void start_newJob_recordsRunningWithOneAttempt() {
    String id = newId();

    JobRecord started = store().start(start(id, T0, false)).orElseThrow();

    JobRecord expected =
        new JobRecord(
            id, JobStatus.RUNNING, "sleep", parameters(5), null, null, 1, T0, null, EXPIRES_AT);
    assertThat(started).isEqualTo(expected);
    assertThat(stored(id)).isEqualTo(expected);
  }

  @Test
  void start_whileRunning_countsTheRetryAndKeepsTheFirstStart() {
    String id = newId();
    store().start(start(id, T0, false));

    JobRecord retried = store().start(start(id, T1, false)).orElseThrow();

    assertThat(retried.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(retried.attempts()).isEqualTo(2);
    assertThat(retried.startedAt()).isEqualTo(T0);
    assertThat(stored(id)).isEqualTo(retried);
  }

  @Test
  void start_afterSuccess_isRefusedAndLeavesTheRecord() {
    String id = newId();
    store().start(start(id, T0, false));
    store().succeed(id, result("done"), T1);
    JobRecord succeeded = stored(id);

    assertThat(store().start(start(id, T2, false))).isEmpty();

    assertThat(stored(id)).isEqualTo(succeeded);
    assertThat(succeeded.status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void succeed_whileRunning_recordsTheResult() {
    String id = newId();
    store().start(start(id, T0, false));

    assertThat(store().succeed(id, result("done"), T1)).isTrue();

    assertThat(stored(id))
        .isEqualTo(
            new JobRecord(
                id,
                JobStatus.SUCCEEDED,
                "sleep",
                parameters(5),
                result("done"),
                null,
                1,
                T0,
                T1,
                EXPIRES_AT));
  }

  @Test
  void succeed_duplicateDelivery_isRefusedAndKeepsTheFirstOutcome() {
    String id = newId();
    store().start(start(id, T0, false));
    store().succeed(id, result("first"), T1);

    assertThat(store().succeed(id, result("second"), T2)).isFalse();

    JobRecord record = stored(id);
    assertThat(record.result()).isEqualTo(result("first"));
    assertThat(record.finishedAt()).isEqualTo(T1);
  }

  @Test
  void succeed_unknownJob_isRefusedAndCreatesNothing() {
    String id = newId();

    assertThat(store().succeed(id, result("done"), T1)).isFalse();

    assertThat(store().find(id)).isEmpty();
  }

  @Test
  void succeed_afterFailure_isRefused() {
    String id = newId();
    store().start(start(id, T0, false));
    store().fail(failure(id, RETRIES_EXHAUSTED, T1));

    assertThat(store().succeed(id, result("late"), T2)).isFalse();

    assertThat(stored(id).status()).isEqualTo(JobStatus.FAILED);
    assertThat(stored(id).result()).isNull();
  }

  @Test
  void fail_whileRunning_recordsTheErrorAndKeepsTheAttempts() {
    String id = newId();
    store().start(start(id, T0, false));
    store().start(start(id, T1, false));

    assertThat(store().fail(failure(id, RETRIES_EXHAUSTED, T2))).isTrue();

    assertThat(stored(id))
        .isEqualTo(
            new JobRecord(
                id,
                JobStatus.FAILED,
                "sleep",
                parameters(5),
                null,
                RETRIES_EXHAUSTED,
                2,
                T0,
                T2,
                EXPIRES_AT + 1));
  }

  @Test
  void fail_jobNeverStarted_recordsTypeAndParametersWithNoAttempt() {
    String id = newId();
    JobError expired = new JobError(null, "Event age exceeded", "EventAgeExceeded");

    assertThat(store().fail(new JobFailure(id, "sleep", parameters(7), expired, T1, EXPIRES_AT)))
        .isTrue();

    assertThat(stored(id))
        .isEqualTo(
            new JobRecord(
                id,
                JobStatus.FAILED,
                "sleep",
                parameters(7),
                null,
                expired,
                0,
                null,
                T1,
                EXPIRES_AT));
  }

  @Test
  void fail_jobNeverStartedWithoutParameters_recordsTheFailure() {
    String id = newId();

    assertThat(store().fail(new JobFailure(id, "sleep", null, RETRIES_EXHAUSTED, T1, EXPIRES_AT)))
        .isTrue();

    JobRecord record = stored(id);
    assertThat(record.status()).isEqualTo(JobStatus.FAILED);
    assertThat(record.parameters()).isNull();
    assertThat(record.error()).isEqualTo(RETRIES_EXHAUSTED);
  }

  @Test
  void fail_duplicateDelivery_isRefusedAndKeepsTheFirstError() {
    String id = newId();
    store().start(start(id, T0, false));
    store().fail(failure(id, RETRIES_EXHAUSTED, T1));

    JobError other = new JobError("Other", "second record", "EventAgeExceeded");
    assertThat(store().fail(failure(id, other, T2))).isFalse();

    assertThat(stored(id).error()).isEqualTo(RETRIES_EXHAUSTED);
    assertThat(stored(id).finishedAt()).isEqualTo(T1);
  }

  @Test
  void fail_afterSuccess_isRefusedAndLeavesTheRecord() {
    String id = newId();
    store().start(start(id, T0, false));
    store().succeed(id, result("done"), T1);
    JobRecord succeeded = stored(id);

    assertThat(store().fail(failure(id, RETRIES_EXHAUSTED, T2))).isFalse();

    assertThat(stored(id)).isEqualTo(succeeded);
  }

  @Test
  void start_ofFailedJobWithoutReplay_isRefused() {
    String id = newId();
    store().start(start(id, T0, false));
    store().fail(failure(id, RETRIES_EXHAUSTED, T1));
    JobRecord failed = stored(id);

    assertThat(store().start(start(id, T2, false))).isEmpty();

    assertThat(stored(id)).isEqualTo(failed);
  }

  @Test
  void start_replayOfFailedJob_runsAgainWithTheFailureCleared() {
    String id = newId();
    store().start(start(id, T0, false));
    store().fail(failure(id, RETRIES_EXHAUSTED, T1));

    JobRecord replayed = store().start(start(id, T2, true)).orElseThrow();

    JobRecord expected =
        new JobRecord(
            id, JobStatus.RUNNING, "sleep", parameters(5), null, null, 2, T2, null, EXPIRES_AT);
    assertThat(replayed).isEqualTo(expected);
    assertThat(stored(id)).isEqualTo(expected);
  }

  @Test
  void start_replayOfJobThatNeverStarted_isTheFirstAttempt() {
    String id = newId();
    store().fail(new JobFailure(id, "sleep", parameters(5), RETRIES_EXHAUSTED, T1, EXPIRES_AT));

    JobRecord replayed = store().start(start(id, T2, true)).orElseThrow();

    assertThat(replayed.attempts()).isEqualTo(1);
    assertThat(replayed.startedAt()).isEqualTo(T2);
    assertThat(replayed.error()).isNull();
    assertThat(replayed.finishedAt()).isNull();
  }

  @Test
  void start_replayOfSucceededJob_isRefusedAndLeavesTheRecord() {
    String id = newId();
    store().start(start(id, T0, false));
    store().succeed(id, result("done"), T1);
    JobRecord succeeded = stored(id);

    assertThat(store().start(start(id, T2, true))).isEmpty();

    assertThat(stored(id)).isEqualTo(succeeded);
  }

  @Test
  void replayedJob_canSucceedAndThenRefusesAnotherReplay() {
    String id = newId();
    store().start(start(id, T0, false));
    store().fail(failure(id, RETRIES_EXHAUSTED, T1));
    store().start(start(id, T2, true));

    assertThat(store().succeed(id, result("second time lucky"), T3)).isTrue();
    assertThat(store().start(start(id, T3.plusSeconds(1), true))).isEmpty();

    JobRecord record = stored(id);
    assertThat(record.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(record.error()).isNull();
    assertThat(record.result()).isEqualTo(result("second time lucky"));
    assertThat(record.startedAt()).isEqualTo(T2);
    assertThat(record.finishedAt()).isEqualTo(T3);
  }

  @Test
  void jsonValues_roundTripUnchanged() {
    String id = newId();
    ObjectNode parameters = JobJson.MAPPER.createObjectNode();
    parameters.put("type", "report");
    parameters.put("quote", "say \"hi\"\n\tand \\ leave — ünïcødé 🚀");
    parameters.put("big", 12345678901234L);
    parameters.put("ratio", 0.25);
    parameters.put("flag", true);
    parameters.putNull("nothing");
    parameters.putArray("list").add(1).add("two").addObject().put("three", 3);
    parameters.putObject("nested").putObject("deeper").put("empty", "");
    ObjectNode result = JobJson.MAPPER.createObjectNode();
    result.putArray("rows").addObject().put("n", -1.5e10);
    result.put("text", "{\"not\": \"parsed\"}");
    JobError error = new JobError("java.lang.IllegalStateException", "line 1\nline \"2\"", null);

    store().start(new JobStart(id, "report", parameters, T0, EXPIRES_AT, false));
    store().succeed(id, result, T1);
    JobRecord succeeded = stored(id);
    String failedId = newId();
    store().fail(new JobFailure(failedId, "report", parameters, error, T1, EXPIRES_AT));
    JobRecord failed = stored(failedId);

    assertThat(succeeded.parameters()).isEqualTo(parameters);
    assertThat(succeeded.result()).isEqualTo(result);
    assertThat(failed.parameters()).isEqualTo(parameters);
    assertThat(failed.error()).isEqualTo(error);
  }

  @Test
  void scalarResult_roundTripsUnchanged() {
    String id = newId();
    store().start(start(id, T0, false));
    JsonNode result = JobJson.MAPPER.getNodeFactory().stringNode("just text");

    store().succeed(id, result, T1);

    assertThat(stored(id).result()).isEqualTo(result);
  }
}
