package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.metrics.JobMetrics;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.testing.ManualClock;
import dev.jobs.backend.testing.ParameterlessJob;
import dev.jobs.kind.JobCancelledException;
import dev.jobs.kind.JobContext;
import dev.jobs.kind.JobFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An attempt that stops for a cancel ends CANCELLED, and returns: no retry, no destination. */
class JobProcessorCancelTest {
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  private static final String ID = "5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10";

  private final ManualClock clock = new ManualClock(T0);
  private final InMemoryJobStore store = new InMemoryJobStore();
  private final List<String> metrics = new ArrayList<>();
  private final Steerable job = new Steerable();
  private final JobProcessor processor =
      new JobProcessor(
          store.keeping(clock),
          new JobRequests(JobKinds.of(job)),
          new JobMetrics("jobs-Processor", metrics::add));

  private JobProcessor.Outcome process() {
    return processor.process(
        JobInvocation.from(
            JobJson.MAPPER.readTree(
                "{\"id\":\"" + ID + "\",\"parameters\":{\"type\":\"steerable\"}}")),
        null,
        () -> Duration.ofMillis(899_400));
  }

  private JobRecord stored() {
    return store.find(ID).orElseThrow();
  }

  @Test
  void aJobThatStopsForACancel_endsCancelledAndReturnsNormally() {
    job.during =
        context -> {
          store.cancel(ID, T0.plusSeconds(1), 0);
          clock.advance(Duration.ofSeconds(2));
          context.progress(4, 10, "four");
          context.checkCancelled();
        };

    JobProcessor.Outcome outcome = process();

    assertThat(outcome).isEqualTo(JobProcessor.Outcome.CANCELLED);
    JobRecord record = stored();
    assertThat(record.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(record.cancelRequestedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(record.finishedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(record.progress()).isEqualTo(new JobProgress(4, 10, "four", T0.plusSeconds(2)));
    assertThat(record.attempts()).isEqualTo(1);
  }

  @Test
  void aCancelledRun_countsOneCancelInTheMetrics() {
    job.during =
        context -> {
          throw new JobCancelledException("stop");
        };

    process();

    assertThat(metrics).hasSize(1);
    JsonNode record = JobJson.MAPPER.readTree(metrics.get(0));
    assertThat(record.get("JobsCancelled").asInt()).isEqualTo(1);
    assertThat(record.get("JobsFailed").asInt()).isEqualTo(0);
  }

  @Test
  void aJobThatFailsAfterLearningOfACancel_endsCancelledRatherThanFailing() {
    job.during =
        context -> {
          store.cancel(ID, T0, 0);
          clock.advance(Duration.ofSeconds(1));
          throw new IllegalStateException("interrupted its own way");
        };

    assertThat(process()).isEqualTo(JobProcessor.Outcome.CANCELLED);

    assertThat(stored().status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void aJobThatIgnoresTheCancelAndFinishes_succeedsWithTheRequestKept() {
    job.during =
        context -> {
          store.cancel(ID, T0, 0);
          clock.advance(Duration.ofSeconds(3));
        };

    assertThat(process()).isEqualTo(JobProcessor.Outcome.SUCCEEDED);

    assertThat(stored().status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(stored().cancelRequestedAt()).isEqualTo(T0);
  }

  @Test
  void aFailureWithNoCancel_stillThrowsForLambdasRetry() {
    job.during =
        context -> {
          throw new IllegalStateException("broken");
        };

    assertThatThrownBy(this::process).isInstanceOf(JobFailedException.class).hasMessage("broken");

    assertThat(stored().status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void aRetryOfAJobWithAPendingCancel_endsCancelledWithoutRunning() {
    job.during =
        context -> {
          store.cancel(ID, T0, 0);
          throw new IllegalStateException("timed out, say");
        };
    // The cancel is asked within the second of the start: the attempt fails before it learns.
    assertThatThrownBy(this::process).isInstanceOf(JobFailedException.class);
    clock.advance(Duration.ofSeconds(60));

    assertThat(process()).isEqualTo(JobProcessor.Outcome.CANCELLED);

    assertThat(job.runs).hasValue(1);
    assertThat(stored().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(stored().attempts()).isEqualTo(2);
  }

  @Test
  void aJobCancelledBeforeItStarted_neverRuns() {
    store.cancel(ID, T0, 0);

    assertThat(process()).isEqualTo(JobProcessor.Outcome.SKIPPED);

    assertThat(job.runs).hasValue(0);
    assertThat(stored().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(stored().attempts()).isZero();
  }

  @Test
  void theStartRecordsTheHeartbeatAndTheFunctionsTimeoutRoundedUp() {
    job.during = context -> {};

    process();

    assertThat(stored().heartbeatAt()).isEqualTo(T0);
    assertThat(stored().timeoutSeconds()).isEqualTo(900);
  }

  @Test
  void timeoutSeconds_roundsUpAndIsUnknownWithoutTimeLeft() {
    assertThat(JobProcessor.timeoutSeconds(Duration.ofMillis(60_000))).isEqualTo(60);
    assertThat(JobProcessor.timeoutSeconds(Duration.ofMillis(59_001))).isEqualTo(60);
    assertThat(JobProcessor.timeoutSeconds(Duration.ZERO)).isNull();
  }

  /** A kind whose run each test scripts. */
  private static final class Steerable extends ParameterlessJob {
    interface During {
      void apply(JobContext context) throws Exception;
    }

    final AtomicInteger runs = new AtomicInteger();
    volatile During during = context -> {};

    Steerable() {
      super("steerable");
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) throws Exception {
      runs.incrementAndGet();
      during.apply(context);
      return JobJson.MAPPER.createObjectNode();
    }
  }
}
