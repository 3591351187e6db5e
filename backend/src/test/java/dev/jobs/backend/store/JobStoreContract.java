package dev.jobs.backend.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobStore.CancelOutcome;
import dev.jobs.backend.store.JobStore.CancelResult;
import dev.jobs.backend.store.JobStore.Heartbeat;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.backend.store.JobStore.QueueResult;
import dev.jobs.backend.store.JobStore.RetryOutcome;
import dev.jobs.backend.store.JobStore.RetryResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
  private static final int TIMEOUT = 900;
  private static final long EXPIRES_AT = T0.plusSeconds(30 * 86_400).getEpochSecond();
  private static final JobError RETRIES_EXHAUSTED =
      new JobError("JobFailedException", "the job broke", "RetriesExhausted");

  /** The store under test. */
  protected abstract JobStore store();

  /** A new job, started at T0 and failed at T1 (retries exhausted). */
  private String failedJob() {
    String id = newId();
    store().start(start(id, T0, false));
    store().fail(failure(id, RETRIES_EXHAUSTED, T1));
    return id;
  }

  /** A new job, started at T0 and succeeded at T1 with the result "done". */
  private String succeededJob() {
    String id = newId();
    store().start(start(id, T0, false));
    store().succeed(id, result("done"), T1);
    return id;
  }

  private static String newId() {
    return "job-" + UUID.randomUUID();
  }

  private static ObjectNode parameters(int seconds) {
    return JobJson.MAPPER.createObjectNode().put("seconds", seconds);
  }

  /** A start at {@code at}; a replay's event is taken to be as old as the start itself. */
  private static JobStart start(String id, Instant at, boolean replay) {
    return new JobStart(
        id, "sleep", parameters(5), at, EXPIRES_AT, replay ? at : null, TIMEOUT, null);
  }

  /** A replay, started at {@code at}, of the event put on the bus at {@code eventTime}. */
  private static JobStart replay(String id, Instant at, Instant eventTime) {
    return new JobStart(id, "sleep", parameters(5), at, EXPIRES_AT, eventTime, TIMEOUT, null);
  }

  /** EventBridge's time for an event put at {@code at}: whole seconds. */
  private static Instant eventTime(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS);
  }

  private static JobFailure failure(String id, JobError error, Instant at) {
    return new JobFailure(id, "sleep", parameters(5), error, at, EXPIRES_AT + 1);
  }

  private static JsonNode result(String message) {
    return JobJson.MAPPER.createObjectNode().put("message", message);
  }

  /** The record of a job's first start, {@code start(id, T0, false)}, as a transition reads it. */
  private static JobRecord startedAtT0(String id) {
    return JobRecord.builder(id)
        .status(JobStatus.RUNNING)
        .type("sleep")
        .parameters(parameters(5))
        .attempts(1)
        .startedAt(T0)
        .expiresAt(EXPIRES_AT)
        .heartbeatAt(T0)
        .timeoutSeconds(TIMEOUT)
        .build();
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

    JobRecord expected = startedAtT0(id);
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
    String id = succeededJob();
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
            startedAtT0(id).toBuilder()
                .status(JobStatus.SUCCEEDED)
                .result(result("done"))
                .finishedAt(T1)
                .build());
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
    String id = failedJob();

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
            startedAtT0(id).toBuilder()
                .status(JobStatus.FAILED)
                .error(RETRIES_EXHAUSTED)
                .attempts(2)
                .finishedAt(T2)
                .expiresAt(EXPIRES_AT + 1)
                .heartbeatAt(T1)
                .build());
  }

  @Test
  void fail_jobNeverStarted_recordsTypeAndParametersWithNoAttempt() {
    String id = newId();
    JobError expired = new JobError(null, "Event age exceeded", "EventAgeExceeded");

    assertThat(store().fail(new JobFailure(id, "sleep", parameters(7), expired, T1, EXPIRES_AT)))
        .isTrue();

    assertThat(stored(id))
        .isEqualTo(
            JobRecord.builder(id)
                .status(JobStatus.FAILED)
                .type("sleep")
                .parameters(parameters(7))
                .error(expired)
                .finishedAt(T1)
                .expiresAt(EXPIRES_AT)
                .build());
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
    String id = failedJob();

    JobError other = new JobError("Other", "second record", "EventAgeExceeded");
    assertThat(store().fail(failure(id, other, T2))).isFalse();

    assertThat(stored(id).error()).isEqualTo(RETRIES_EXHAUSTED);
    assertThat(stored(id).finishedAt()).isEqualTo(T1);
  }

  @Test
  void fail_afterSuccess_isRefusedAndLeavesTheRecord() {
    String id = succeededJob();
    JobRecord succeeded = stored(id);

    assertThat(store().fail(failure(id, RETRIES_EXHAUSTED, T2))).isFalse();

    assertThat(stored(id)).isEqualTo(succeeded);
  }

  @Test
  void start_ofFailedJobWithoutReplay_isRefused() {
    String id = failedJob();
    JobRecord failed = stored(id);

    assertThat(store().start(start(id, T2, false))).isEmpty();

    assertThat(stored(id)).isEqualTo(failed);
  }

  @Test
  void start_replayOfFailedJob_runsAgainWithTheFailureCleared() {
    String id = failedJob();

    JobRecord replayed = store().start(start(id, T2, true)).orElseThrow();

    JobRecord expected =
        startedAtT0(id).toBuilder().attempts(2).startedAt(T2).heartbeatAt(T2).build();
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
    String id = succeededJob();
    JobRecord succeeded = stored(id);

    assertThat(store().start(start(id, T2, true))).isEmpty();

    assertThat(stored(id)).isEqualTo(succeeded);
  }

  @Test
  void replayedJob_canSucceedAndThenRefusesAnotherReplay() {
    String id = failedJob();
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

    store().start(new JobStart(id, "report", parameters, T0, EXPIRES_AT, null, null, null));
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

  // Replays: each failure re-drives its job once, however many events carry it.

  @Test
  void start_duplicateReplayAfterTheReDriveStarted_isRefused() {
    String id = failedJob();
    assertThat(store().start(replay(id, T2, eventTime(T1)))).isPresent();
    JobRecord reDriven = stored(id);

    assertThat(store().start(replay(id, T2.plusSeconds(5), eventTime(T1)))).isEmpty();

    assertThat(stored(id)).isEqualTo(reDriven);
    assertThat(reDriven.attempts()).isEqualTo(2);
  }

  @Test
  void start_duplicateReplayAfterTheReDriveFailedAgain_isRefusedButTheNewFailureReDrives() {
    String id = failedJob();
    store().start(replay(id, T2, eventTime(T1)));
    store().fail(failure(id, RETRIES_EXHAUSTED, T3));
    JobRecord failedAgain = stored(id);

    assertThat(store().start(replay(id, T3.plusSeconds(5), eventTime(T1)))).isEmpty();
    assertThat(stored(id)).isEqualTo(failedAgain);

    JobRecord second = store().start(replay(id, T3.plusSeconds(6), eventTime(T3))).orElseThrow();
    assertThat(second.attempts()).isEqualTo(3);
  }

  @Test
  void start_replayOfAStaleRunningJob_reDrivesItOnce() {
    // The error handler could not record the failure: the job stayed RUNNING, and the record
    // reached the bus through the handler's own destination, after the start.
    String id = newId();
    store().start(start(id, T0, false));

    JobRecord reDriven = store().start(replay(id, T2, eventTime(T1))).orElseThrow();
    assertThat(reDriven.attempts()).isEqualTo(2);
    assertThat(reDriven.startedAt()).isEqualTo(T2);

    assertThat(store().start(replay(id, T3, eventTime(T1)))).isEmpty();
    assertThat(stored(id)).isEqualTo(reDriven);
  }

  @Test
  void start_replayInTheSecondOfTheFailure_reDrives() {
    // EventBridge's time has whole seconds: an event put 0.9 s after a failure at .1 s reads as
    // older than the failure.
    String id = newId();
    Instant failedAt = Instant.parse("2026-01-02T03:04:05.100Z");
    store().fail(failure(id, RETRIES_EXHAUSTED, failedAt));

    assertThat(store().start(replay(id, T2, Instant.parse("2026-01-02T03:04:05Z")))).isPresent();
  }

  @Test
  void start_replayOfAnEventOlderThanTheFailure_isRefused() {
    String id = failedJob();
    JobRecord failed = stored(id);

    assertThat(store().start(replay(id, T2, eventTime(T1).minusSeconds(1)))).isEmpty();

    assertThat(stored(id)).isEqualTo(failed);
  }

  // Progress, heartbeat and cancel.

  private static JobProgress progress(long done, String message, Instant at) {
    return new JobProgress(done, 10, message, at);
  }

  @Test
  void progress_ofTheRunningAttempt_recordsItAsTheHeartbeat() {
    String id = newId();
    store().start(start(id, T0, false));

    Heartbeat answer = store().progress(id, 1, progress(3, "three of ten", T1), T1);

    assertThat(answer).isEqualTo(Heartbeat.RUNNING);
    JobRecord record = stored(id);
    assertThat(record.progress()).isEqualTo(progress(3, "three of ten", T1));
    assertThat(record.heartbeatAt()).isEqualTo(T1);
    assertThat(record.status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void progress_heartbeatAlone_keepsTheLastProgress() {
    String id = newId();
    store().start(start(id, T0, false));
    store().progress(id, 1, progress(3, null, T1), T1);

    assertThat(store().progress(id, 1, null, T2)).isEqualTo(Heartbeat.RUNNING);

    assertThat(stored(id).progress()).isEqualTo(progress(3, null, T1));
    assertThat(stored(id).heartbeatAt()).isEqualTo(T2);
  }

  @Test
  void progress_ofAnAttemptThatWasTakenOver_isRefusedAndChangesNothing() {
    String id = newId();
    store().start(start(id, T0, false));
    store().start(start(id, T1, false));
    JobRecord second = stored(id);

    assertThat(store().progress(id, 1, progress(5, "late", T2), T2))
        .isEqualTo(Heartbeat.ATTEMPT_OVER);

    assertThat(stored(id)).isEqualTo(second);
  }

  @Test
  void progress_afterTheJobEnded_isRefusedAndChangesNothing() {
    String id = succeededJob();
    JobRecord succeeded = stored(id);

    assertThat(store().progress(id, 1, progress(5, "late", T2), T2))
        .isEqualTo(Heartbeat.ATTEMPT_OVER);
    assertThat(store().progress(newId(), 1, null, T2)).isEqualTo(Heartbeat.ATTEMPT_OVER);

    assertThat(stored(id)).isEqualTo(succeeded);
  }

  @Test
  void progress_afterACancelRequest_answersTheCancelAndStillRecords() {
    String id = newId();
    store().start(start(id, T0, false));
    store().cancel(id, T1, EXPIRES_AT);

    assertThat(store().progress(id, 1, progress(4, null, T2), T2))
        .isEqualTo(Heartbeat.CANCEL_REQUESTED);

    assertThat(stored(id).progress()).isEqualTo(progress(4, null, T2));
  }

  @Test
  void cancel_runningJob_notesTheFirstRequestAndKeepsItRunning() {
    String id = newId();
    store().start(start(id, T0, false));

    CancelResult first = store().cancel(id, T1, EXPIRES_AT + 5);
    CancelResult second = store().cancel(id, T2, EXPIRES_AT + 5);

    assertThat(first.outcome()).isEqualTo(CancelOutcome.CANCEL_RECORDED);
    assertThat(first.record().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(first.record().cancelRequestedAt()).isEqualTo(T1);
    assertThat(first.record().expiresAt()).isEqualTo(EXPIRES_AT);
    assertThat(second.outcome()).isEqualTo(CancelOutcome.CANCEL_RECORDED);
    assertThat(second.record()).isEqualTo(first.record());
    assertThat(stored(id)).isEqualTo(first.record());
  }

  @Test
  void cancel_jobWithNoRecord_recordsItCancelledAndNoDeliveryOrReplayStartsIt() {
    String id = newId();

    CancelResult result = store().cancel(id, T1, EXPIRES_AT);

    JobRecord expected = JobRecord.cancelledBeforeStart(id, T1, EXPIRES_AT);
    assertThat(result).isEqualTo(new CancelResult(CancelOutcome.CANCEL_RECORDED, expected));
    assertThat(stored(id)).isEqualTo(expected);
    assertThat(store().start(start(id, T2, false))).isEmpty();
    assertThat(store().start(replay(id, T3, eventTime(T3)))).isEmpty();
    assertThat(stored(id)).isEqualTo(expected);
  }

  @Test
  void cancel_cancelledJob_isAlreadyCancelledAndChangesNothing() {
    String id = newId();
    store().cancel(id, T1, EXPIRES_AT);
    JobRecord cancelled = stored(id);

    CancelResult again = store().cancel(id, T2, EXPIRES_AT + 9);

    assertThat(again).isEqualTo(new CancelResult(CancelOutcome.ALREADY_CANCELLED, cancelled));
    assertThat(stored(id)).isEqualTo(cancelled);
  }

  @Test
  void cancel_endedJob_isAlreadyEndedAndChangesNothing() {
    String succeededId = succeededJob();
    JobRecord succeeded = stored(succeededId);
    String failedId = failedJob();
    JobRecord failed = stored(failedId);

    assertThat(store().cancel(succeededId, T2, EXPIRES_AT))
        .isEqualTo(new CancelResult(CancelOutcome.ALREADY_ENDED, succeeded));
    assertThat(store().cancel(failedId, T2, EXPIRES_AT))
        .isEqualTo(new CancelResult(CancelOutcome.ALREADY_ENDED, failed));

    assertThat(stored(succeededId)).isEqualTo(succeeded);
    assertThat(stored(failedId)).isEqualTo(failed);
  }

  @Test
  void cancelled_theRunningAttempt_endsTheJobCancelledWithTheRequestKept() {
    String id = newId();
    store().start(start(id, T0, false));
    store().progress(id, 1, progress(2, "two", T1), T1);
    store().cancel(id, T1, EXPIRES_AT);

    assertThat(store().cancelled(id, 1, T2)).isTrue();

    assertThat(stored(id))
        .isEqualTo(
            startedAtT0(id).toBuilder()
                .status(JobStatus.CANCELLED)
                .finishedAt(T2)
                .progress(progress(2, "two", T1))
                .heartbeatAt(T1)
                .cancelRequestedAt(T1)
                .build());
  }

  @Test
  void cancelled_byAnAttemptThatWasTakenOver_isRefused() {
    String id = newId();
    store().start(start(id, T0, false));
    store().start(start(id, T1, false));
    JobRecord second = stored(id);

    assertThat(store().cancelled(id, 1, T2)).isFalse();

    assertThat(stored(id)).isEqualTo(second);
  }

  @Test
  void cancelledJob_isNeitherRestartedNorReplayedNorEndedAgain() {
    String id = newId();
    store().start(start(id, T0, false));
    store().cancel(id, T1, EXPIRES_AT);
    store().cancelled(id, 1, T1);
    JobRecord cancelled = stored(id);

    assertThat(store().start(start(id, T2, false))).isEmpty();
    assertThat(store().start(replay(id, T3, eventTime(T3)))).isEmpty();
    assertThat(store().succeed(id, result("late"), T2)).isFalse();
    assertThat(store().fail(failure(id, RETRIES_EXHAUSTED, T2))).isFalse();

    assertThat(stored(id)).isEqualTo(cancelled);
  }

  @Test
  void succeed_afterACancelRequest_recordsTheSuccessAndKeepsTheRequest() {
    String id = newId();
    store().start(start(id, T0, false));
    store().cancel(id, T1, EXPIRES_AT);

    assertThat(store().succeed(id, result("finished anyway"), T2)).isTrue();

    assertThat(stored(id).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(stored(id).cancelRequestedAt()).isEqualTo(T1);
  }

  @Test
  void start_retryOfAJobWithACancelRequest_carriesTheRequest() {
    String id = newId();
    store().start(start(id, T0, false));
    store().cancel(id, T1, EXPIRES_AT);

    JobRecord retried = store().start(start(id, T2, false)).orElseThrow();

    assertThat(retried.attempts()).isEqualTo(2);
    assertThat(retried.cancelRequestedAt()).isEqualTo(T1);
    assertThat(retried.heartbeatAt()).isEqualTo(T2);
  }

  @Test
  void start_replay_dropsTheLastRunsProgress() {
    String id = newId();
    store().start(start(id, T0, false));
    store().progress(id, 1, progress(7, "seven", T0), T0);
    store().fail(failure(id, RETRIES_EXHAUSTED, T1));

    JobRecord replayed = store().start(start(id, T2, true)).orElseThrow();

    assertThat(replayed.progress()).isNull();
    assertThat(stored(id).progress()).isNull();
  }

  @Test
  void list_cancelledStatus_listsCancelledJobsByTheirEnd() {
    Instant base = newWindow();
    JobRecord cancelled = jobAt(JobStatus.CANCELLED, base.plusSeconds(40));
    String queued = newId();
    store().cancel(queued, base.plusSeconds(50), EXPIRES_AT);
    jobAt(JobStatus.FAILED, base.plusSeconds(45));

    JobPage page = store().list(query(JobStatus.CANCELLED, base, base.plusSeconds(60)));

    assertThat(page.jobs()).containsExactly(stored(queued), cancelled);
  }

  // The list: newest status time first, by status, within [since, until), page by page.

  /** Each list test has a window of its own, far from the other tests' jobs. */
  private static final AtomicInteger WINDOWS = new AtomicInteger();

  private static Instant newWindow() {
    return Instant.parse("2031-01-01T00:00:00Z")
        .plus(Duration.ofDays(40L * WINDOWS.incrementAndGet()));
  }

  /** Makes a job whose status time is {@code at}; returns it as stored. */
  private JobRecord jobAt(JobStatus status, Instant at) {
    String id = newId();
    switch (status) {
      case QUEUED -> store().queue(queued(id, at));
      case RUNNING -> store().start(start(id, at, false));
      case SUCCEEDED -> {
        store().start(start(id, at.minusSeconds(30), false));
        store().succeed(id, result("done"), at);
      }
      case FAILED -> store().fail(failure(id, RETRIES_EXHAUSTED, at));
      case CANCELLED -> {
        store().start(start(id, at.minusSeconds(30), false));
        store().cancel(id, at.minusSeconds(1), EXPIRES_AT);
        store().cancelled(id, 1, at);
      }
    }
    return stored(id);
  }

  private static JobQuery query(Instant since, Instant until, int limit) {
    return new JobQuery(Optional.empty(), since, until, limit, Optional.empty());
  }

  /** Ten jobs of this status at most, from the first page. */
  private static JobQuery query(JobStatus status, Instant since, Instant until) {
    return new JobQuery(Optional.of(status), since, until, 10, Optional.empty());
  }

  /**
   * Every page of a listing, each page's query made from the last page's cursor; twenty pages at
   * most, so that a store whose cursor never ends fails the test rather than hanging it.
   */
  private List<JobPage> pages(Function<Optional<JobCursor>, JobQuery> query) {
    List<JobPage> pages = new ArrayList<>();
    Optional<JobCursor> after = Optional.empty();
    do {
      JobPage page = store().list(query.apply(after));
      pages.add(page);
      after = page.next();
    } while (after.isPresent() && pages.size() < 20);
    return pages;
  }

  /** The ids of every page's jobs, in the order listed. */
  private static List<String> listedIds(List<JobPage> pages) {
    return ids(pages.stream().flatMap(page -> page.jobs().stream()).toList());
  }

  private static List<String> ids(List<JobRecord> jobs) {
    return jobs.stream().map(JobRecord::id).toList();
  }

  private static List<String> newestFirst(List<JobRecord> jobs) {
    return ids(
        jobs.stream().sorted(Comparator.comparing(JobCursor::of, JobCursor.NEWEST_FIRST)).toList());
  }

  @Test
  void list_everyStatus_isNewestStatusTimeFirstWithTheRecordsAsStored() {
    Instant base = newWindow();
    JobRecord running = jobAt(JobStatus.RUNNING, base.plusSeconds(30));
    JobRecord succeeded = jobAt(JobStatus.SUCCEEDED, base.plusSeconds(10));
    JobRecord failed = jobAt(JobStatus.FAILED, base.plusSeconds(20));

    JobPage page = store().list(query(base, base.plusSeconds(60), 10));

    assertThat(page.jobs()).containsExactly(running, failed, succeeded);
    assertThat(page.next()).isEmpty();
  }

  @Test
  void list_sameStatusTime_isOrderedByIdDescending() {
    Instant at = newWindow().plusSeconds(5);
    List<JobRecord> jobs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      jobs.add(jobAt(JobStatus.FAILED, at));
    }

    JobPage page = store().list(query(at, at.plusSeconds(1), 10));

    assertThat(ids(page.jobs())).isEqualTo(newestFirst(jobs));
  }

  @Test
  void list_statusFilter_listsThatStatusAlone() {
    Instant base = newWindow();
    JobRecord failed = jobAt(JobStatus.FAILED, base.plusSeconds(1));
    jobAt(JobStatus.SUCCEEDED, base.plusSeconds(2));
    jobAt(JobStatus.RUNNING, base.plusSeconds(3));
    JobRecord failedLater = jobAt(JobStatus.FAILED, base.plusSeconds(4));

    JobPage page = store().list(query(JobStatus.FAILED, base, base.plusSeconds(60)));

    assertThat(page.jobs()).containsExactly(failedLater, failed);
  }

  @Test
  void list_aJobMovesWithItsStatus() {
    Instant base = newWindow();
    String id = newId();
    store().start(start(id, base.plusSeconds(1), false));
    store().succeed(id, result("done"), base.plusSeconds(100));

    JobQuery running = query(JobStatus.RUNNING, base, base.plusSeconds(60));
    JobQuery succeeded = query(JobStatus.SUCCEEDED, base, base.plusSeconds(200));

    assertThat(store().list(running).jobs()).isEmpty();
    assertThat(ids(store().list(succeeded).jobs())).containsExactly(id);
    assertThat(store().list(query(base, base.plusSeconds(100), 10)).jobs()).isEmpty();
  }

  @Test
  void list_window_includesSinceAndExcludesUntil() {
    Instant since = newWindow().plusSeconds(10);
    Instant until = since.plusSeconds(10);
    jobAt(JobStatus.FAILED, since.minusNanos(1));
    JobRecord atSince = jobAt(JobStatus.FAILED, since);
    JobRecord justBeforeUntil = jobAt(JobStatus.SUCCEEDED, until.minusNanos(1));
    jobAt(JobStatus.RUNNING, until);

    JobPage page = store().list(query(since, until, 10));

    assertThat(page.jobs()).containsExactly(justBeforeUntil, atSince);
  }

  @Test
  void list_pagesAcrossDaysAndShards_haveNoGapAndNoDuplicate() {
    Instant base = newWindow();
    List<JobRecord> jobs = new ArrayList<>();
    JobStatus[] statuses = JobStatus.values();
    for (int i = 0; i < 45; i++) {
      // Three days, hours apart, with some jobs sharing an instant (ties broken by id).
      Instant at = base.plus(Duration.ofHours(7L * (i / 3))).plusMillis(i % 2);
      jobs.add(jobAt(statuses[i % statuses.length], at));
    }
    Instant until = base.plus(Duration.ofDays(5));

    List<JobPage> pages = pages(after -> new JobQuery(Optional.empty(), base, until, 7, after));

    assertThat(pages).allSatisfy(page -> assertThat(page.jobs()).hasSizeLessThanOrEqualTo(7));
    assertThat(listedIds(pages)).isEqualTo(newestFirst(jobs));
    assertThat(pages).hasSize(7);
  }

  @Test
  void list_sparseMonth_pagesFindEveryDaysJobsInOrder() {
    Instant base = newWindow();
    List<JobRecord> jobs = new ArrayList<>();
    for (int day : new int[] {0, 1, 13, 29, 30}) {
      jobs.add(jobAt(JobStatus.SUCCEEDED, base.plus(Duration.ofDays(day)).plusSeconds(60)));
      jobs.add(jobAt(JobStatus.FAILED, base.plus(Duration.ofDays(day)).plusSeconds(120)));
    }
    Instant until = base.plus(Duration.ofDays(31));

    List<JobPage> pages = pages(after -> new JobQuery(Optional.empty(), base, until, 3, after));

    assertThat(listedIds(pages)).isEqualTo(newestFirst(jobs));
    assertThat(pages).hasSize(4);
  }

  @Test
  void list_limit_returnsThatManyAndTheLastOnesPosition() {
    Instant base = newWindow();
    List<JobRecord> jobs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      jobs.add(jobAt(JobStatus.SUCCEEDED, base.plusSeconds(i)));
    }

    JobPage page = store().list(query(base, base.plusSeconds(60), 2));

    assertThat(page.jobs()).containsExactly(jobs.get(4), jobs.get(3));
    assertThat(page.next()).contains(JobCursor.of(jobs.get(3)));
  }

  @Test
  void list_lastPageExactlyFull_hasNoNext() {
    Instant base = newWindow();
    for (int i = 0; i < 4; i++) {
      jobAt(JobStatus.FAILED, base.plusSeconds(i));
    }

    JobPage first = store().list(query(base, base.plusSeconds(60), 2));
    JobPage last =
        store().list(new JobQuery(Optional.empty(), base, base.plusSeconds(60), 2, first.next()));

    assertThat(first.next()).isPresent();
    assertThat(last.jobs()).hasSize(2);
    assertThat(last.next()).isEmpty();
  }

  @Test
  void list_emptyWindow_isAnEmptyLastPage() {
    Instant base = newWindow();

    JobPage page = store().list(query(base, base.plus(Duration.ofDays(31)), 20));

    assertThat(page.jobs()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  @Test
  void list_cursorBeforeTheWindow_isAnEmptyPage() {
    Instant base = newWindow();
    jobAt(JobStatus.FAILED, base.plusSeconds(5));
    JobCursor before = new JobCursor(base.minusSeconds(1), "job-z");

    JobPage page =
        store()
            .list(
                new JobQuery(Optional.empty(), base, base.plusSeconds(60), 5, Optional.of(before)));

    assertThat(page.jobs()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  // Jobs named by their client: QUEUED, dispatched once per queueing, retried from the record.

  private JobRecord queued(String id, Instant at) {
    return JobRecord.queued(id, "sleep", parameters(5), at, EXPIRES_AT);
  }

  /** The dispatch of the queueing at {@code queuedAt}, started at {@code at}. */
  private static JobStart dispatch(String id, Instant at, Instant queuedAt) {
    return new JobStart(id, "sleep", parameters(5), at, EXPIRES_AT, null, TIMEOUT, queuedAt);
  }

  @Test
  void queue_newId_recordsItQueuedWithNoAttempt() {
    String id = newId();

    QueueResult result = store().queue(queued(id, T0));

    assertThat(result.created()).isTrue();
    JobRecord job = stored(id);
    assertThat(result.record()).isEqualTo(job);
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.parameters()).isEqualTo(parameters(5));
    assertThat(job.type()).isEqualTo("sleep");
    assertThat(job.attempts()).isZero();
    assertThat(job.queuedAt()).isEqualTo(T0);
    assertThat(job.startedAt()).isNull();
    assertThat(job.expiresAt()).isEqualTo(EXPIRES_AT);
  }

  @Test
  void queue_idWithARecord_answersItAndChangesNothing() {
    String id = newId();
    store().queue(queued(id, T0));
    store().start(dispatch(id, T1, T0));
    JobRecord before = stored(id);

    QueueResult again =
        store().queue(JobRecord.queued(id, "sleep", parameters(7), T2, EXPIRES_AT + 5));

    assertThat(again.created()).isFalse();
    assertThat(again.record()).isEqualTo(before);
    assertThat(stored(id)).isEqualTo(before);
  }

  @Test
  void start_dispatchOfTheQueueing_runsItOnceWithTheFirstAttempt() {
    String id = newId();
    store().queue(queued(id, T0));

    Optional<JobRecord> started = store().start(dispatch(id, T1, T0));

    assertThat(started).isPresent();
    assertThat(started.get().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(started.get().attempts()).isEqualTo(1);
    assertThat(started.get().startedAt()).isEqualTo(T1);
    assertThat(started.get().queuedAt()).isEqualTo(T0);
    assertThat(stored(id)).isEqualTo(started.get());
  }

  @Test
  void start_dispatchOfAnotherQueueing_isRefused() {
    String id = newId();
    store().queue(queued(id, T0));

    assertThat(store().start(dispatch(id, T1, T0.plusMillis(1)))).isEmpty();
    assertThat(stored(id).status()).isEqualTo(JobStatus.QUEUED);
  }

  @Test
  void start_ofAQueuedJobByTheApisDeliveryOrAReplay_isRefused() {
    String id = newId();
    store().queue(queued(id, T0));

    assertThat(store().start(start(id, T1, false))).isEmpty();
    assertThat(store().start(replay(id, T3, eventTime(T2)))).isEmpty();
    assertThat(stored(id).status()).isEqualTo(JobStatus.QUEUED);
  }

  @Test
  void start_replayOfANamedJobsFailure_reDrivesItOnce() {
    // The failure event of a job submitted by PUT carries the dispatched request, queuedAt and all.
    String id = newId();
    store().queue(queued(id, T0));
    store().start(dispatch(id, T1, T0));
    store().fail(failure(id, RETRIES_EXHAUSTED, T2));
    JobStart replayed =
        new JobStart(id, "sleep", parameters(5), T3, EXPIRES_AT, eventTime(T2), TIMEOUT, T0);

    Optional<JobRecord> started = store().start(replayed);

    assertThat(started).isPresent();
    assertThat(started.get().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(started.get().attempts()).isEqualTo(2);
    assertThat(stored(id)).isEqualTo(started.get());
    assertThat(store().start(replayed)).as("the same replay again").isEmpty();
  }

  @Test
  void fail_rejectedDispatchOfItsQueueing_endsTheQueuedJobWithNoAttempt() {
    String id = newId();
    store().queue(queued(id, T0));
    JobError invalid = new JobError("InvalidJobException", "no such parameter", "ValidationFailed");

    assertThat(
            store().fail(new JobFailure(id, "sleep", parameters(5), invalid, T1, EXPIRES_AT, T0)))
        .isTrue();

    JobRecord job = stored(id);
    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(job.attempts()).isZero();
    assertThat(job.error()).isEqualTo(invalid);
    assertThat(job.finishedAt()).isEqualTo(T1);
    assertThat(job.queuedAt()).isEqualTo(T0);
  }

  @Test
  void fail_rejectedDispatchOfAnotherQueueing_orAPlainFailureOfAQueuedJob_changesNothing() {
    String id = newId();
    store().queue(queued(id, T0));
    JobRecord queued = stored(id);
    JobError invalid = new JobError("InvalidJobException", "no such parameter", "ValidationFailed");

    assertThat(
            store()
                .fail(
                    new JobFailure(
                        id, "sleep", parameters(5), invalid, T1, EXPIRES_AT, T0.plusMillis(1))))
        .isFalse();
    assertThat(store().fail(new JobFailure(id, "sleep", parameters(5), invalid, T1, EXPIRES_AT)))
        .isFalse();

    assertThat(stored(id)).isEqualTo(queued);
  }

  @Test
  void start_dispatchOfAJobWithNoRecord_isRefusedAndCreatesNothing() {
    String id = newId();

    assertThat(store().start(dispatch(id, T1, T0))).isEmpty();
    assertThat(store().find(id)).isEmpty();
  }

  @Test
  void start_lambdasRetryOfADispatchedAttempt_countsTheRetryAndKeepsTheStart() {
    String id = newId();
    store().queue(queued(id, T0));
    store().start(dispatch(id, T1, T0));

    Optional<JobRecord> retried = store().start(dispatch(id, T2, T0));

    assertThat(retried).isPresent();
    assertThat(retried.get().attempts()).isEqualTo(2);
    assertThat(retried.get().startedAt()).isEqualTo(T1);
  }

  @Test
  void cancel_queuedJob_endsItCancelledAndItsDispatchNeverStartsIt() {
    String id = newId();
    store().queue(queued(id, T0));

    CancelResult result = store().cancel(id, T1, EXPIRES_AT);

    assertThat(result.outcome()).isEqualTo(CancelOutcome.CANCEL_RECORDED);
    JobRecord job = stored(id);
    assertThat(result.record()).isEqualTo(job);
    assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(job.finishedAt()).isEqualTo(T1);
    assertThat(job.cancelRequestedAt()).isEqualTo(T1);
    assertThat(job.parameters()).isEqualTo(parameters(5));
    assertThat(store().start(dispatch(id, T2, T0))).isEmpty();
  }

  @Test
  void retry_failedJob_queuesItAgainWithItsAttemptsAndNothingOfTheLastRun() {
    String id = newId();
    store().queue(queued(id, T0));
    store().start(dispatch(id, T1, T0));
    store().progress(id, 1, new JobProgress(1, 2, "half", T1), T1);
    store().fail(failure(id, RETRIES_EXHAUSTED, T2));

    RetryResult result = store().retry(id, false, T3, EXPIRES_AT + 9);

    assertThat(result.outcome()).isEqualTo(RetryOutcome.QUEUED);
    JobRecord job = stored(id);
    assertThat(result.record()).isEqualTo(job);
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.attempts()).isEqualTo(1);
    assertThat(job.queuedAt()).isEqualTo(T3);
    assertThat(job.parameters()).isEqualTo(parameters(5));
    assertThat(job.expiresAt()).isEqualTo(EXPIRES_AT + 9);
    assertThat(job.error()).isNull();
    assertThat(job.startedAt()).isNull();
    assertThat(job.finishedAt()).isNull();
    assertThat(job.progress()).isNull();

    Optional<JobRecord> next = store().start(dispatch(id, T3.plusSeconds(1), T3));
    assertThat(next).isPresent();
    assertThat(next.get().attempts()).isEqualTo(2);
    assertThat(next.get().startedAt()).isEqualTo(T3.plusSeconds(1));
  }

  @Test
  void retry_failedJobOfTheApi_queuesIt() {
    String id = failedJob();

    assertThat(store().retry(id, false, T3, EXPIRES_AT).outcome()).isEqualTo(RetryOutcome.QUEUED);
    assertThat(store().start(dispatch(id, T3.plusSeconds(1), T3))).isPresent();
  }

  @Test
  void retry_twice_queuesOneAttemptAndRefusesTheSecond() {
    String id = failedJob();

    RetryResult first = store().retry(id, false, T2, EXPIRES_AT);
    RetryResult second = store().retry(id, false, T3, EXPIRES_AT);

    assertThat(first.outcome()).isEqualTo(RetryOutcome.QUEUED);
    assertThat(second.outcome()).isEqualTo(RetryOutcome.REFUSED);
    assertThat(second.record()).isEqualTo(stored(id));
    assertThat(stored(id).queuedAt()).isEqualTo(T2);
  }

  @Test
  void retry_jobInAnotherStatus_isRefusedAndChangesNothing() {
    String running = newId();
    store().start(start(running, T0, false));
    String succeeded = succeededJob();

    for (String id : List.of(running, succeeded)) {
      JobRecord before = stored(id);
      RetryResult result = store().retry(id, true, T2, EXPIRES_AT);
      assertThat(result.outcome()).isEqualTo(RetryOutcome.REFUSED);
      assertThat(result.record()).isEqualTo(before);
      assertThat(stored(id)).isEqualTo(before);
    }
  }

  @Test
  void retry_unknownJob_isNotFoundAndCreatesNothing() {
    String id = newId();

    assertThat(store().retry(id, true, T2, EXPIRES_AT).outcome()).isEqualTo(RetryOutcome.NOT_FOUND);
    assertThat(store().find(id)).isEmpty();
  }

  @Test
  void retry_cancelledJob_onlyWhenCancelledJobsAreAskedForAndWithoutTheCancel() {
    String id = newId();
    store().queue(queued(id, T0));
    store().cancel(id, T1, EXPIRES_AT);

    assertThat(store().retry(id, false, T2, EXPIRES_AT).outcome()).isEqualTo(RetryOutcome.REFUSED);
    RetryResult result = store().retry(id, true, T2, EXPIRES_AT);

    assertThat(result.outcome()).isEqualTo(RetryOutcome.QUEUED);
    assertThat(stored(id).cancelRequestedAt()).isNull();
    assertThat(stored(id).finishedAt()).isNull();
  }

  @Test
  void retry_jobCancelledBeforeItHadARecord_isRefused() {
    String id = newId();
    store().cancel(id, T1, EXPIRES_AT);

    assertThat(store().retry(id, true, T2, EXPIRES_AT).outcome()).isEqualTo(RetryOutcome.REFUSED);
    assertThat(stored(id).status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void list_queuedStatus_listsQueuedJobsByTheirQueueing() {
    Instant base = newWindow();
    String first = newId();
    store().queue(queued(first, base.plusSeconds(10)));
    String second = newId();
    store().queue(queued(second, base.plusSeconds(20)));
    jobAt(JobStatus.RUNNING, base.plusSeconds(15));

    JobPage page = store().list(query(JobStatus.QUEUED, base, base.plusSeconds(60)));

    assertThat(ids(page.jobs())).containsExactly(second, first);
  }

  /** A job failed at {@code at} with this error, of this type. */
  private JobRecord failedAt(Instant at, String type, JobError error) {
    String id = newId();
    store().fail(new JobFailure(id, type, JsonNodes.object("type", type), error, at, EXPIRES_AT));
    return stored(id);
  }

  @Test
  void list_filters_matchTypeErrorTypeAndConditionExactly() {
    Instant base = newWindow();
    JobError timedOut = new JobError("Sandbox.Timedout", "Task timed out", "RetriesExhausted");
    JobError expired = new JobError("Sandbox.Timedout", "late", "EventAgeExceeded");
    JobRecord flakyTimedOut = failedAt(base.plusSeconds(10), "flaky", timedOut);
    JobRecord flakyBroke = failedAt(base.plusSeconds(20), "flaky", RETRIES_EXHAUSTED);
    JobRecord sleepTimedOut = failedAt(base.plusSeconds(30), "sleep", timedOut);
    JobRecord flakyExpired = failedAt(base.plusSeconds(40), "flaky", expired);
    // The error's message holds the other field's text: it must not match.
    JobRecord lookalike =
        failedAt(
            base.plusSeconds(50),
            "flaky",
            new JobError("Other", "\"type\":\"Sandbox.Timedout\"", "RetriesExhausted"));

    assertThat(ids(filtered(base, "flaky", null, null, 10)))
        .containsExactly(lookalike.id(), flakyExpired.id(), flakyBroke.id(), flakyTimedOut.id());
    assertThat(ids(filtered(base, null, "Sandbox.Timedout", null, 10)))
        .containsExactly(flakyExpired.id(), sleepTimedOut.id(), flakyTimedOut.id());
    assertThat(ids(filtered(base, "flaky", "Sandbox.Timedout", "RetriesExhausted", 10)))
        .containsExactly(flakyTimedOut.id());
    assertThat(filtered(base, "Sandbox", null, null, 10)).isEmpty();
  }

  @Test
  void list_filtered_pageCountsMatchingJobsOnlyAndPagesWithoutGaps() {
    Instant base = newWindow();
    List<String> flaky = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // Spread over days, with non-matching jobs between the matching ones.
      Instant at = base.plus(Duration.ofHours(7L * i));
      flaky.add(0, failedAt(at, "flaky", RETRIES_EXHAUSTED).id());
      failedAt(at.plusSeconds(1), "sleep", RETRIES_EXHAUSTED);
      failedAt(at.plusSeconds(2), "sleep", RETRIES_EXHAUSTED);
    }
    JobFilter filter =
        new JobFilter(Optional.of("flaky"), Optional.empty(), Optional.of("RetriesExhausted"));
    List<JobPage> pages =
        pages(
            after ->
                new JobQuery(
                    Optional.of(JobStatus.FAILED),
                    base,
                    base.plus(Duration.ofDays(30)),
                    5,
                    after,
                    filter));

    assertThat(pages)
        .allSatisfy(
            page -> assertThat(page.jobs().size()).isEqualTo(page.next().isPresent() ? 5 : 2));
    assertThat(listedIds(pages)).isEqualTo(flaky);
  }

  private List<JobRecord> filtered(
      Instant base, String type, String errorType, String condition, int limit) {
    return store()
        .list(
            new JobQuery(
                Optional.empty(),
                base,
                base.plusSeconds(60),
                limit,
                Optional.empty(),
                new JobFilter(
                    Optional.ofNullable(type),
                    Optional.ofNullable(errorType),
                    Optional.ofNullable(condition))))
        .jobs();
  }

  /** One-member JSON objects for the tests' parameters. */
  private static final class JsonNodes {
    static ObjectNode object(String name, String value) {
      return JobJson.MAPPER.createObjectNode().put(name, value);
    }
  }
}
