package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.log.JobLogLine;
import dev.jobs.backend.metrics.JobMetrics;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.backend.testing.ManualClock;
import dev.jobs.backend.testing.ParameterlessJob;
import dev.jobs.kind.JobContext;
import dev.jobs.kind.JobFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job's log as the processing function and the error handler write it: the kind's lines, what
 * it prints, and the functions' own lines about the job, each one JSON event of the job.
 */
class JobLogLinesTest {
  private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
  private static final String ID = "5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10";

  private final ManualClock clock = new ManualClock(T0);
  private final InMemoryJobStore store = new InMemoryJobStore();
  private final List<JobLogLine> lines = new ArrayList<>();
  private final Chatty kind = new Chatty();
  private final JobProcessor processor =
      new JobProcessor(
          store.keeping(clock), new JobRequests(JobKinds.of(kind)), JobMetrics.NONE, lines::add);

  private JobProcessor.Outcome process() {
    return processor.process(
        JobInvocation.from(
            JobJson.MAPPER.readTree(
                "{\"id\":\"" + ID + "\",\"parameters\":{\"type\":\"chatty\"}}")),
        null,
        () -> Duration.ofMinutes(15),
        "req-7");
  }

  private List<JsonNode> events() {
    return lines.stream().map(line -> JobJson.MAPPER.readTree(line.json())).toList();
  }

  private List<String> field(String name) {
    return events().stream().map(event -> event.path(name).asString()).toList();
  }

  @Test
  void aRunThatSucceeds_logsStartedTheKindsLinesWhatItPrintedAndSucceeded() {
    process();

    assertThat(field("message"))
        .containsExactly(
            "started: attempt 1 of a chatty job", "one", "two", "printed", "succeeded");
    assertThat(field("logger"))
        .containsExactly(JobProcessor.LOGGER, "chatty", "chatty", "stdout", JobProcessor.LOGGER);
    assertThat(events())
        .allSatisfy(
            event -> {
              assertThat(event.path("jobId").asString()).isEqualTo(ID);
              assertThat(event.path("attempt").asInt()).isEqualTo(1);
              assertThat(event.path("requestId").asString()).isEqualTo("req-7");
            });
  }

  @Test
  void aRunThatFails_endsWithAFailedLineCarryingTheError() {
    kind.failWith = new JobFailedException("disk full");

    assertThatThrownBy(this::process).isInstanceOf(JobFailedException.class);

    JsonNode last = events().get(events().size() - 1);
    assertThat(last.path("level").asString()).isEqualTo("ERROR");
    assertThat(last.path("message").asString()).isEqualTo("failed: disk full");
    assertThat(last.path("errorType").asString()).isEqualTo(JobFailedException.class.getName());
    assertThat(last.path("errorMessage").asString()).isEqualTo("disk full");
  }

  @Test
  void aSecondAttempt_isNumberedInEveryLine() {
    store.start(new JobStart(ID, "chatty", null, T0, 0, null, null, null));
    kind.failWith = null;

    process();

    assertThat(events())
        .allSatisfy(event -> assertThat(event.path("attempt").asInt()).isEqualTo(2));
  }

  @Test
  void theErrorHandlersLine_saysTheJobFailedWithItsErrorAndNoAttempt() {
    store.start(new JobStart(ID, "sleep", null, T0, 0, null, null, null));
    FailureRecorder recorder = new FailureRecorder(store.keeping(clock), lines::add);

    recorder.record(DestinationRecord.from(Fixtures.json("retries-exhausted.json")), "handler-req");

    JsonNode event = events().get(0);
    assertThat(event.path("logger").asString()).isEqualTo(FailureRecorder.LOGGER);
    assertThat(event.path("level").asString()).isEqualTo("ERROR");
    assertThat(event.path("message").asString())
        .startsWith("recorded FAILED: dev.jobs.kind.JobFailedException: cannot sleep")
        .endsWith("[RetriesExhausted]");
    assertThat(event.path("condition").asString()).isEqualTo("RetriesExhausted");
    assertThat(event.path("requestId").asString()).isEqualTo("handler-req");
    assertThat(event.has("attempt")).isFalse();
  }

  private static final class Chatty extends ParameterlessJob {
    Exception failWith;

    Chatty() {
      super("chatty");
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) throws Exception {
      context.log().log(System.Logger.Level.INFO, "one");
      context.log().log(System.Logger.Level.INFO, "two");
      System.out.println("printed");
      if (failWith != null) {
        throw failWith;
      }
      return JobJson.MAPPER.createObjectNode();
    }
  }
}
