package dev.jobs.cli.command.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.JobRecords;
import dev.jobs.cli.testing.OnLocalTarget;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Waiting: polling with backoff, the 404 grace, timeouts, and the live line. */
class WaitCommandTest extends OnLocalTarget {
  /** The waits below outlast an hour of the fake clock. */
  @Override
  protected Duration role() {
    return Duration.ofHours(2);
  }

  static final String RUNNING = "{\"id\":\"job-1\",\"status\":\"RUNNING\",\"attempts\":1}";
  static final String FAILED =
      "{\"id\":\"job-1\",\"status\":\"FAILED\",\"attempts\":1,\"error\":{\"type\":\"TimeoutError\","
          + "\"message\":\"Task timed out after 900 seconds\",\"condition\":\"RetriesExhausted\"}}";

  static final String CANCELLED =
      "{\"id\":\"job-1\",\"status\":\"CANCELLED\",\"attempts\":1,"
          + "\"startedAt\":\"2026-11-29T10:00:00Z\",\"cancelRequestedAt\":\"2026-11-29T10:00:10Z\","
          + "\"finishedAt\":\"2026-11-29T10:00:11Z\"}";

  @Test
  void wait_queuedThenRunningThenSucceeded_exits0WithTheRecord() {
    aws.jobAnswers("job-1", null, RUNNING, RUNNING, JobRecords.SUCCEEDED);

    CliRun.Result result = jobs.run("wait", "job-1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("status     SUCCEEDED");
    assertThat(result.err()).isEmpty();
    // Backoff: 1s, then 1.5s, then 2.25s, each within 20% jitter.
    assertThat(jobs.slept()).isBetween(Duration.ofMillis(3800), Duration.ofMillis(5700));
  }

  static final String QUEUED =
      "{\"id\":\"job-1\",\"status\":\"QUEUED\",\"type\":\"sleep\",\"attempts\":0,"
          + "\"parameters\":{\"seconds\":5},\"queuedAt\":\"2026-11-29T10:00:00Z\"}";

  @Test
  void wait_keepsWaitingWhileTheJobIsQueued() {
    aws.jobAnswers("job-1", QUEUED, QUEUED, QUEUED, RUNNING, JobRecords.SUCCEEDED);

    CliRun.Result result = jobs.run("wait", "job-1", "--grace", "0s");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("status     SUCCEEDED");
    assertThat(
            wire.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/prod/jobs/job-1")))
        .hasSize(5);
  }

  /** A job that ended other than well: its record, the exit code, and what the record shows. */
  static Stream<Arguments> endedBadly() {
    return Stream.of(
        arguments(
            "FAILED exits 3 and shows the error",
            FAILED,
            ExitCode.JOB_FAILED,
            List.of(
                "error      TimeoutError: Task timed out after 900 seconds [RetriesExhausted]")),
        arguments(
            "CANCELLED exits 8 and shows the record",
            CANCELLED,
            ExitCode.CANCELLED,
            List.of("status     CANCELLED", "cancel     requested 2026-11-29T10:00:10Z\n")));
  }

  @ParameterizedTest(name = "wait on a job that {0}")
  @MethodSource("endedBadly")
  void wait_jobThatEndedBadly_exitsWithItsCode_andShowsTheRecord(
      String what, String record, int exitCode, List<String> shown) {
    aws.jobAnswers("job-1", RUNNING, record);

    CliRun.Result result = jobs.run("wait", "job-1");

    assertThat(result.exitCode()).isEqualTo(exitCode);
    assertThat(result.out()).contains(shown);
  }

  @Test
  void submitWait_cancelledJob_exits8() {
    aws.acceptsSubmit("job-1");
    aws.jobAnswers("job-1", RUNNING, CANCELLED);

    CliRun.Result result = jobs.run("submit", "--seconds", "60", "--id", "job-1", "--wait", "-q");

    assertThat(result.exitCode()).isEqualTo(ExitCode.CANCELLED);
    assertThat(result.out()).isEqualTo("job-1\nCANCELLED\n");
  }

  @Test
  void wait_onATerminal_drawsTheReportedProgressAsABar_withTheTimeLeft() {
    // Started at the fake clock's now less 12s, 12 of 60 done when read: 48s left at that rate.
    String started = jobs.now().minusSeconds(12).toString();
    String progressing =
        "{\"id\":\"job-1\",\"status\":\"RUNNING\",\"attempts\":1,\"startedAt\":\""
            + started
            + "\",\"progress\":{\"done\":12,\"total\":60,\"message\":\"slept 12 of 60 s\","
            + "\"at\":\""
            + jobs.now()
            + "\"}}";
    aws.jobAnswers("job-1", progressing, JobRecords.SUCCEEDED);

    CliRun.Result result = jobs.terminal(true).run("wait", "job-1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err())
        .contains(
            "\r\u001b[Kjob job-1: RUNNING [####................] 12/60 20% slept 12 of 60 s,"
                + " 12s, ~48s left")
        .endsWith("\r\u001b[K");
  }

  @Test
  void wait_notOnATerminal_drawsNoBar() {
    String progressing =
        "{\"id\":\"job-1\",\"status\":\"RUNNING\",\"attempts\":1,"
            + "\"progress\":{\"done\":12,\"total\":60}}";
    aws.jobAnswers("job-1", progressing, JobRecords.SUCCEEDED);

    CliRun.Result result = jobs.run("wait", "job-1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void wait_stillRunningAtTheTimeout_exits4WithHowToResume() {
    aws.jobAnswers("job-1", RUNNING);

    CliRun.Result result = jobs.run("wait", "job-1", "--timeout", "1m");

    assertThat(result.exitCode()).isEqualTo(ExitCode.TIMED_OUT);
    assertThat(result.err())
        .isEqualTo("jobs: job job-1 is still RUNNING after 1m00s; resume with: jobs wait job-1\n");
    assertThat(jobs.slept()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void wait_unknownPastTheGrace_exits6() {
    aws.jobAnswers("job-1", (String) null);

    CliRun.Result result = jobs.run("wait", "job-1", "--grace", "30s");

    assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(result.err()).contains("job job-1 not found (still unknown after 30s)");
  }

  @Test
  void wait_onATerminal_showsALiveStatusLine_andErasesIt() {
    aws.jobAnswers("job-1", RUNNING, JobRecords.SUCCEEDED);

    CliRun.Result result = jobs.terminal(true).run("wait", "job-1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).contains("\r\u001b[Kjob job-1: RUNNING, 0s").endsWith("\r\u001b[K");
  }

  @Test
  void wait_onATerminalWithNoProgress_showsNothingExtra() {
    aws.jobAnswers("job-1", RUNNING, JobRecords.SUCCEEDED);

    CliRun.Result result = jobs.terminal(true).run("wait", "job-1", "--no-progress");

    assertThat(result.err()).isEmpty();
  }

  @Test
  void submitWait_goesOnAsWait_andJsonOutputIsTheFinalRecord() {
    aws.acceptsSubmit("job-1");
    aws.jobAnswers("job-1", RUNNING, JobRecords.SUCCEEDED);

    CliRun.Result result =
        jobs.run("submit", "--seconds", "5", "--id", "job-1", "--wait", "--output", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(Json.parse(result.out()).asObject().get("status").asString()).isEqualTo("SUCCEEDED");
  }

  @Test
  void submitWaitQuiet_printsTheIdThenTheFinalStatus() {
    aws.acceptsSubmit("job-1");
    aws.jobAnswers("job-1", RUNNING, JobRecords.SUCCEEDED);

    CliRun.Result result = jobs.run("submit", "--seconds", "5", "--id", "job-1", "--wait", "-q");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("job-1\nSUCCEEDED\n");
    assertThat(result.err()).isEmpty();
  }
}
