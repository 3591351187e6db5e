package dev.jobs.backend.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.testing.ReportingJobContext;
import dev.jobs.backend.testing.ReportingJobContext.Report;
import dev.jobs.backend.testing.TestJobContext;
import dev.jobs.kind.JobCancelledException;
import dev.jobs.kind.JobFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SleepJobTest {
  private final List<Duration> slept = new ArrayList<>();
  private final SleepJob sleep = new SleepJob(slept::add);

  @Test
  void sleepsForTheSecondsAndSaysSo() throws Exception {
    var result = sleep.run(seconds(7), TestJobContext.remaining(Duration.ofSeconds(900)));

    assertThat(slept).hasSize(7).containsOnly(Duration.ofSeconds(1));
    assertThat(result.toString()).isEqualTo("{\"message\":\"I slept for 7 seconds\"}");
  }

  @Test
  void failsFastWhenTheFunctionHasLessTimeLeftThanTheSleep() {
    assertThatThrownBy(
            () -> sleep.run(seconds(60), TestJobContext.remaining(Duration.ofMillis(59_500))))
        .isInstanceOf(JobFailedException.class)
        .hasMessage(
            "cannot sleep for 60 seconds: the function has 59 seconds left before it times out");
    assertThat(slept).isEmpty();
  }

  @Test
  void theBuiltInKindsAreFoundThroughTheServiceLoader() {
    assertThat(JobKinds.load().names()).contains("sleep");
  }

  private static ObjectNode seconds(int seconds) {
    return JobJson.MAPPER.createObjectNode().put("seconds", seconds);
  }

  @Test
  void reportsItsProgressAfterEverySecond() throws Exception {
    ReportingJobContext context = new ReportingJobContext(Integer.MAX_VALUE);

    sleep.run(seconds(3), context);

    assertThat(context.reports())
        .containsExactly(
            new Report(1, 3, "slept 1 of 3 s"),
            new Report(2, 3, "slept 2 of 3 s"),
            new Report(3, 3, "slept 3 of 3 s"));
  }

  @Test
  void stopsAtTheFirstSecondAfterACancel() {
    ReportingJobContext context = new ReportingJobContext(2);

    assertThatThrownBy(() -> sleep.run(seconds(60), context))
        .isInstanceOf(JobCancelledException.class);

    assertThat(slept).hasSize(2);
    assertThat(context.reports()).hasSize(2);
  }
}
