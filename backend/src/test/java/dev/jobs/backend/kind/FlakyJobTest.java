package dev.jobs.backend.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.testing.ReportingJobContext;
import dev.jobs.backend.testing.ReportingJobContext.Report;
import dev.jobs.backend.testing.TestJobContext;
import dev.jobs.kind.InvalidJobException;
import dev.jobs.kind.JobCancelledException;
import dev.jobs.kind.JobFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class FlakyJobTest {
  private final List<Duration> slept = new ArrayList<>();
  private final FlakyJob flaky = new FlakyJob(slept::add);

  @Test
  void failsWhileTheAttemptIsAtMostFailures() {
    ObjectNode parameters = parameters("{\"failures\": 2}");

    assertThatThrownBy(() -> flaky.run(parameters, TestJobContext.attempt(1)))
        .isInstanceOf(JobFailedException.class)
        .hasMessage("failing on purpose: attempt 1 of the first 2");
    assertThatThrownBy(() -> flaky.run(parameters, TestJobContext.attempt(2)))
        .isInstanceOf(JobFailedException.class)
        .hasMessage("failing on purpose: attempt 2 of the first 2");
  }

  @Test
  void succeedsOnTheAttemptAfterTheFailures() throws Exception {
    var result = flaky.run(parameters("{\"failures\": 1}"), TestJobContext.attempt(2));

    assertThat(result.toString()).isEqualTo("{\"message\":\"succeeded on attempt 2\"}");
    assertThat(slept).isEmpty();
  }

  @Test
  void sleepsTheSecondsBeforeFailingOrSucceeding() {
    assertThatThrownBy(
            () ->
                flaky.run(
                    parameters("{\"failures\": 1, \"seconds\": 3}"), TestJobContext.attempt(1)))
        .isInstanceOf(JobFailedException.class);

    assertThat(slept).hasSize(3).containsOnly(Duration.ofSeconds(1));
  }

  @Test
  void stopsItsSleepForACancelWithoutFailing() {
    ReportingJobContext context = new ReportingJobContext(1);

    assertThatThrownBy(() -> flaky.run(parameters("{\"failures\": 1, \"seconds\": 30}"), context))
        .isInstanceOf(JobCancelledException.class);

    assertThat(slept).hasSize(1);
    assertThat(context.reports()).containsExactly(new Report(1, 30, "slept 1 of 30 s"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"failures\": 1}",
        "{\"failures\": 10}",
        "{\"failures\": 3, \"seconds\": 0}",
        "{\"failures\": 3, \"seconds\": 900}",
        "{\"failures\": 2.0}"
      })
  void acceptsFailuresFrom1To10AndSecondsFrom0To900(String json) {
    flaky.validate(parameters(json));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"failures\": 0}",
        "{\"failures\": 11}",
        "{\"failures\": 1.5}",
        "{\"failures\": \"1\"}",
        "{\"failures\": 1, \"seconds\": -1}",
        "{\"failures\": 1, \"seconds\": 901}",
        "{\"failures\": 1, \"seconds\": \"2\"}"
      })
  void rejectsOtherParameters(String json) {
    assertThatThrownBy(() -> flaky.validate(parameters(json)))
        .isInstanceOf(InvalidJobException.class);
  }

  @Test
  void isABuiltInKindFoundThroughTheServiceLoader() {
    assertThat(JobKinds.load().find("flaky")).get().isInstanceOf(FlakyJob.class);
  }

  private static ObjectNode parameters(String json) {
    return (ObjectNode) JobJson.MAPPER.readTree(json);
  }
}
