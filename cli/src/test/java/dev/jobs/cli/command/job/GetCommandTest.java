package dev.jobs.cli.command.job;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.OnLocalTarget;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code jobs get} on a running job: its progress, its heartbeat's age, a cancel, a stall. */
class GetCommandTest extends OnLocalTarget {
  void answer(String body) {
    wire.stubFor(get("/prod/jobs/job-1").willReturn(FakeAws.json(200, body)));
  }

  /** A RUNNING job with a 900 s timeout, started and last heard from this long before now. */
  String running(long startedAgo, long heartbeatAgo, String extra) {
    Instant now = jobs.now();
    return "{\"id\":\"job-1\",\"status\":\"RUNNING\",\"type\":\"sleep\",\"attempts\":1,"
        + "\"timeoutSeconds\":900,\"startedAt\":\""
        + now.minusSeconds(startedAgo)
        + "\",\"heartbeatAt\":\""
        + now.minusSeconds(heartbeatAgo)
        + "\""
        + extra
        + "}";
  }

  @Test
  void get_queuedJob_showsWhenItWasQueued() {
    answer(
        "{\"id\":\"job-1\",\"status\":\"QUEUED\",\"type\":\"sleep\",\"attempts\":0,"
            + "\"parameters\":{\"seconds\":5},\"queuedAt\":\"2026-11-29T10:00:00.250Z\"}");

    CliRun.Result result = jobs.run("get", "job-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("status     QUEUED\n")
        .contains("queued     2026-11-29T10:00:00Z\n");
  }

  @Test
  void get_runningJob_showsItsProgressAndHowLongAgoItsHeartbeatWas() {
    answer(
        running(
            14,
            2,
            ",\"progress\":{\"done\":12,\"total\":60,\"message\":\"slept 12 of 60 s\","
                + "\"at\":\"2026-11-29T10:00:12Z\"}"));

    CliRun.Result result = jobs.run("get", "job-1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("status     RUNNING\n")
        .contains("progress   12/60 (20%) slept 12 of 60 s\n")
        .contains("heartbeat  2s ago\n")
        .doesNotContain("cancel");
  }

  @Test
  void get_progressWithAnUnknownTotal_showsWhatIsDone() {
    answer(
        running(14, 2, ",\"progress\":{\"done\":340,\"total\":0,\"at\":\"2026-11-29T10:00:12Z\"}"));

    assertThat(jobs.run("get", "job-1").out()).contains("progress   340\n");
  }

  @Test
  void get_runningJobWithACancelRequested_saysTheCancelIsPending() {
    answer(running(14, 1, ",\"cancelRequestedAt\":\"2026-11-29T10:00:05.123Z\""));

    assertThat(jobs.run("get", "job-1").out())
        .contains(
            "cancel     requested 2026-11-29T10:00:05Z, pending: the job stops at its next"
                + " check\n");
  }

  @Test
  void get_jobThatRanToItsEndDespiteACancel_saysSo() {
    answer(
        "{\"id\":\"job-1\",\"status\":\"SUCCEEDED\",\"attempts\":1,"
            + "\"heartbeatAt\":\"2026-11-29T10:00:59Z\","
            + "\"cancelRequestedAt\":\"2026-11-29T10:00:05Z\","
            + "\"startedAt\":\"2026-11-29T10:00:00Z\",\"finishedAt\":\"2026-11-29T10:01:00Z\"}");

    String out = jobs.run("get", "job-1").out();

    assertThat(out)
        .contains("cancel     requested 2026-11-29T10:00:05Z, but the job ran to its end\n")
        // An ended job's heartbeat tells nothing its finish does not.
        .doesNotContain("heartbeat");
  }

  @Test
  void get_runningJobSilentPastItsTimeoutAndAMinute_isMarkedStalled() {
    answer(running(1200, 961, ""));

    assertThat(jobs.run("get", "job-1").out())
        .contains(
            "status     RUNNING, stalled: no sign of life for 16m01s, longer than its 900s"
                + " timeout and a minute\n")
        .contains("heartbeat  16m01s ago\n");
  }

  @Test
  void get_runningJobSilentForExactlyItsTimeoutAndAMinute_isNotStalledYet() {
    answer(running(1200, 960, ""));

    assertThat(jobs.run("get", "job-1").out()).contains("status     RUNNING\n");
  }

  @Test
  void get_withoutAHeartbeat_theStartTellsAStall() {
    answer(
        "{\"id\":\"job-1\",\"status\":\"RUNNING\",\"attempts\":1,\"timeoutSeconds\":60,"
            + "\"startedAt\":\""
            + jobs.now().minusSeconds(121)
            + "\"}");

    assertThat(jobs.run("get", "job-1").out()).contains("status     RUNNING, stalled");
  }
}
