package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.metrics.JobMetrics;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.testing.ParameterlessJob;
import dev.jobs.kind.JobContext;
import dev.jobs.kind.JobFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A finished run writes exactly one metric record, with what it did and how long it took. */
class JobProcessorMetricsTest {
  private static final String ID = "5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10";

  private final List<String> records = new ArrayList<>();
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-26T12:00:00Z"));
  private final TimedJob job = new TimedJob(clock);
  private final JobProcessor processor =
      new JobProcessor(
          new InMemoryJobStore().keeping(clock),
          new JobRequests(JobKinds.of(job)),
          new JobMetrics("jobs-Processor", records::add));

  @Test
  void aSucceededJobRecordsOneSuccessWithItsRunTime() {
    job.takes = Duration.ofMillis(1500);

    processor.process(invocation("{\"type\":\"timed\"}"), null, () -> Duration.ofMinutes(15));

    assertThat(records).hasSize(1);
    JsonNode record = JobJson.MAPPER.readTree(records.get(0));
    assertThat(record.get("JobType").asString()).isEqualTo("timed");
    assertThat(record.get("JobsSucceeded").asInt()).isEqualTo(1);
    assertThat(record.get("RunTime").asLong()).isEqualTo(1500);
  }

  @Test
  void aFailedRunRecordsOneFailureAndStillThrowsForLambda() {
    job.takes = Duration.ofMillis(20);
    job.fails = true;

    assertThatThrownBy(
            () ->
                processor.process(
                    invocation("{\"type\":\"timed\"}"), null, () -> Duration.ofMinutes(15)))
        .isInstanceOf(JobFailedException.class);

    JsonNode record = JobJson.MAPPER.readTree(records.get(0));
    assertThat(records).hasSize(1);
    assertThat(record.get("JobsFailed").asInt()).isEqualTo(1);
    assertThat(record.get("RunTime").asLong()).isEqualTo(20);
  }

  @Test
  void aRefusedJobRecordsAFailureUnderTheInvalidTypeNotTheCallersText() {
    processor.process(
        invocation("{\"type\":\"timed\",\"unknown\":1}"), null, () -> Duration.ofMinutes(15));

    JsonNode record = JobJson.MAPPER.readTree(records.get(0));
    assertThat(record.get("JobType").asString()).isEqualTo(JobMetrics.INVALID_TYPE);
    assertThat(record.get("JobsFailed").asInt()).isEqualTo(1);
  }

  @Test
  void aDuplicateDeliveryRecordsNothing() {
    processor.process(invocation("{\"type\":\"timed\"}"), null, () -> Duration.ofMinutes(15));
    processor.process(invocation("{\"type\":\"timed\"}"), null, () -> Duration.ofMinutes(15));

    assertThat(records).hasSize(1);
  }

  private static JobInvocation invocation(String parameters) {
    return JobInvocation.from(
        JobJson.MAPPER.readTree("{\"id\":\"" + ID + "\",\"parameters\":" + parameters + "}"));
  }

  /** A clock the job moves forward by its run time. */
  private static final class SteppingClock extends Clock {
    private Instant now;

    SteppingClock(Instant start) {
      now = start;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private static final class TimedJob extends ParameterlessJob {
    private final SteppingClock clock;
    Duration takes = Duration.ZERO;
    boolean fails;

    TimedJob(SteppingClock clock) {
      super("timed");
      this.clock = clock;
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) {
      clock.now = clock.now.plus(takes);
      if (fails) {
        throw new IllegalStateException("it failed");
      }
      return JobJson.MAPPER.createObjectNode();
    }
  }
}
