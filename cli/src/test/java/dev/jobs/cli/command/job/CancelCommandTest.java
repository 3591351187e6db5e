package dev.jobs.cli.command.job;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.JobRecords;
import dev.jobs.cli.testing.OnLocalTarget;
import dev.jobs.cli.testing.SigV4;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** {@code jobs cancel}: the signed POST /jobs/{id}/cancel, one line per id, and the exit codes. */
class CancelCommandTest extends OnLocalTarget {
  static final String RUNNING_CANCEL_REQUESTED =
      "{\"id\":\"job-1\",\"status\":\"RUNNING\",\"type\":\"sleep\",\"attempts\":1,"
          + "\"startedAt\":\"2026-11-29T09:58:00Z\",\"cancelRequestedAt\":\"2026-11-29T09:59:00Z\"}";
  static final String CANCELLED_AFTER_RUNNING =
      "{\"id\":\"job-1\",\"status\":\"CANCELLED\",\"type\":\"sleep\",\"attempts\":1,"
          + "\"startedAt\":\"2026-11-29T09:58:00Z\",\"cancelRequestedAt\":\"2026-11-29T09:59:00Z\","
          + "\"finishedAt\":\"2026-11-29T09:59:01Z\"}";
  static final String CANCELLED_QUEUED =
      "{\"id\":\"job-2\",\"status\":\"CANCELLED\",\"attempts\":0,"
          + "\"cancelRequestedAt\":\"2026-11-29T09:59:00Z\","
          + "\"finishedAt\":\"2026-11-29T09:59:00Z\",\"expiresAt\":1800000000}";
  static final String SUCCEEDED_DESPITE_CANCEL =
      "{\"id\":\"job-1\",\"status\":\"SUCCEEDED\",\"type\":\"sleep\",\"attempts\":1,"
          + "\"startedAt\":\"2026-11-29T09:58:00Z\",\"cancelRequestedAt\":\"2026-11-29T09:59:00Z\","
          + "\"finishedAt\":\"2026-11-29T09:59:30Z\",\"result\":{\"slept\":90}}";

  void cancelAnswers(String id, int status, String body) {
    wire.stubFor(post("/prod/jobs/" + id + "/cancel").willReturn(FakeAws.json(status, body)));
  }

  void ended(String id, String status) {
    cancelAnswers(id, 409, "{\"message\":\"job " + id + " already ended " + status + "\"}");
  }

  List<LoggedRequest> cancelCalls(String id) {
    return wire.findAll(postRequestedFor(urlEqualTo("/prod/jobs/" + id + "/cancel")));
  }

  @Test
  void cancel_runningJob_signsThePost_saysTheCancelIsRequested_exits0() {
    cancelAnswers("job-1", 202, RUNNING_CANCEL_REQUESTED);

    CliRun.Result result = jobs.run("cancel", "job-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("job-1  cancel requested (RUNNING)\n");
    assertThat(result.err()).isEmpty();
    LoggedRequest request = cancelCalls("job-1").get(0);
    assertThat(SigV4.parse(request.getHeader("Authorization")).accessKey())
        .isEqualTo(FakeAws.ASSUMED_KEY);
    assertThat(SigV4.valid(request, FakeAws.ASSUMED_SECRET)).isTrue();
    assertThat(request.getBodyAsString()).isEmpty();
  }

  /** A job the API answers a cancel of with its CANCELLED record, and the line that says so. */
  static Stream<Arguments> cancelledAlready() {
    return Stream.of(
        arguments(
            "with no record yet, it says it was cancelled before it started",
            "job-2",
            CANCELLED_QUEUED,
            "job-2  cancelled before it started\n"),
        arguments(
            "that stopped on an earlier cancel, it says already CANCELLED",
            "job-1",
            CANCELLED_AFTER_RUNNING,
            "job-1  already CANCELLED\n"));
  }

  @ParameterizedTest(name = "cancel of a job {0}, exit 0")
  @MethodSource("cancelledAlready")
  void cancel_jobCancelledAlready_saysHow_exits0(
      String what, String id, String record, String line) {
    cancelAnswers(id, 202, record);

    CliRun.Result result = jobs.run("cancel", id);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(line);
  }

  @Test
  void cancel_jobThatAlreadySucceeded_exits3WithOneLine() {
    ended("job-1", "SUCCEEDED");

    CliRun.Result result = jobs.run("cancel", "job-1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(result.out()).isEqualTo("job-1  already ended SUCCEEDED: not cancelled\n");
    assertThat(result.err()).isEmpty();
    // A refusal is an answer, not a failure to retry.
    assertThat(cancelCalls("job-1")).hasSize(1);
  }

  @Test
  void cancel_severalIds_oneLinePerIdInOrder_exits3WhenOneHadEnded() {
    cancelAnswers("job-1", 202, RUNNING_CANCEL_REQUESTED);
    cancelAnswers("job-2", 202, CANCELLED_QUEUED);
    ended("job-3", "FAILED");

    CliRun.Result result = jobs.run("cancel", "job-1", "job-2", "job-3", "job-1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(result.out())
        .isEqualTo(
            "job-1  cancel requested (RUNNING)\n"
                + "job-2  cancelled before it started\n"
                + "job-3  already ended FAILED: not cancelled\n"
                + "cancelled 2: job-1 job-2\n"
                + "refused 1: job-3\n");
    assertThat(cancelCalls("job-1")).hasSize(1);
  }

  @Test
  void cancel_json_isOneDocumentWithAnEntryPerId() {
    cancelAnswers("job-1", 202, RUNNING_CANCEL_REQUESTED);
    ended("job-3", "SUCCEEDED");

    CliRun.Result result = jobs.run("cancel", "job-1", "job-3", "--output", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCode.JOB_FAILED);
    List<JsonNode> entries = Json.parse(result.out()).asObject().get("jobs").asArray();
    assertThat(entries).hasSize(2);
    assertThat(Json.text(entries.get(0), "id")).isEqualTo("job-1");
    assertThat(Json.text(entries.get(0), "outcome")).isEqualTo("REQUESTED");
    assertThat(Json.text(entries.get(0), "status")).isEqualTo("RUNNING");
    assertThat(Json.write(entries.get(0).asObject().get("record")))
        .isEqualTo(RUNNING_CANCEL_REQUESTED);
    assertThat(Json.text(entries.get(1), "outcome")).isEqualTo("ALREADY_ENDED");
    assertThat(Json.text(entries.get(1), "status")).isEqualTo("SUCCEEDED");
    assertThat(Json.text(entries.get(1), "message")).isEqualTo("job job-3 already ended SUCCEEDED");
  }

  @Test
  void cancel_quiet_printsEachJobsStatus() {
    cancelAnswers("job-1", 202, RUNNING_CANCEL_REQUESTED);
    cancelAnswers("job-2", 202, CANCELLED_QUEUED);

    CliRun.Result result = jobs.run("cancel", "job-1", "job-2", "-q");

    assertThat(result.out()).isEqualTo("RUNNING\nCANCELLED\n");
  }

  @Test
  void cancel_anIdOutsideThePattern_exits2WithOneLine_andSendsNothing() {
    assertThat(usageErrorBeforeAnyCall("cancel", "job-1", "a/b", ".x"))
        .isEqualTo(
            "jobs: 'a/b' is not a job id (a letter or digit, then up to 127 letters, digits and"
                + " . _ : -)\n");
  }

  @Test
  void cancel_idLongerThan128_exits2AndSendsNothing() {
    usageErrorBeforeAnyCall("cancel", "a".repeat(129));
  }

  @Test
  void cancel_timeoutWithoutWait_exits2AndSendsNothing() {
    assertThat(usageErrorBeforeAnyCall("cancel", "job-1", "--timeout", "1m"))
        .isEqualTo("jobs: --timeout goes with --wait\n");
  }

  @Test
  void cancelWait_runningJobThatStops_endsCancelled_exits0() {
    cancelAnswers("job-1", 202, RUNNING_CANCEL_REQUESTED);
    aws.jobAnswers("job-1", RUNNING_CANCEL_REQUESTED, CANCELLED_AFTER_RUNNING);

    CliRun.Result result = jobs.run("cancel", "job-1", "--wait");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("job-1  CANCELLED\n");
    // Two polls, the first after half a second.
    assertThat(jobs.slept()).isBetween(Duration.ofMillis(400), Duration.ofMillis(600));
  }

  @Test
  void cancelWait_jobThatRanOnToSucceed_exits3SayingItWasNotCancelled() {
    cancelAnswers("job-1", 202, RUNNING_CANCEL_REQUESTED);
    aws.jobAnswers("job-1", SUCCEEDED_DESPITE_CANCEL);

    CliRun.Result result = jobs.run("cancel", "job-1", "--wait", "--output", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCode.JOB_FAILED);
    JsonNode entry = Json.parse(result.out()).asObject().get("jobs").asArray().get(0);
    assertThat(Json.text(entry, "outcome")).isEqualTo("REQUESTED");
    assertThat(Json.text(entry, "status")).isEqualTo("SUCCEEDED");
    assertThat(jobs.run("cancel", "job-1", "--wait").out())
        .isEqualTo("job-1  ended SUCCEEDED before it stopped: not cancelled\n");
  }

  @Test
  void cancelWait_onlyWaitsForTheRunningOnes() {
    cancelAnswers("job-2", 202, CANCELLED_QUEUED);

    CliRun.Result result = jobs.run("cancel", "job-2", "--wait");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("job-2  cancelled before it started\n");
    assertThat(jobs.slept()).isZero();
  }

  @Test
  void cancelWait_jobStillRunningAtTheTimeout_exits4SayingTheCancelStands() {
    cancelAnswers("job-1", 202, RUNNING_CANCEL_REQUESTED);
    aws.jobAnswers("job-1", RUNNING_CANCEL_REQUESTED);

    CliRun.Result result = jobs.run("cancel", "job-1", "--wait", "--timeout", "1m");

    assertThat(result.exitCode()).isEqualTo(ExitCode.TIMED_OUT);
    assertThat(result.err())
        .isEqualTo(
            "jobs: job job-1 is still RUNNING with a cancel requested after 1m00s; the cancel"
                + " stands; resume with: jobs cancel --wait job-1\n");
    assertThat(jobs.slept()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void cancelWait_onATerminal_showsALiveLine_andErasesIt() {
    cancelAnswers("job-1", 202, RUNNING_CANCEL_REQUESTED);
    aws.jobAnswers("job-1", RUNNING_CANCEL_REQUESTED, CANCELLED_AFTER_RUNNING);

    CliRun.Result result = jobs.terminal(true).run("cancel", "job-1", "--wait");

    assertThat(result.err())
        .contains("\r\u001b[Kjob job-1: RUNNING, cancel requested, 0s")
        .endsWith("\r\u001b[K");
  }

  @Test
  void cancel_serverError_isRetried_becauseACancelMayBeRepeated() {
    wire.stubFor(
        post("/prod/jobs/job-1/cancel")
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(FakeAws.json(502, "{\"message\":\"Bad Gateway\"}"))
            .willSetStateTo("up"));
    wire.stubFor(
        post("/prod/jobs/job-1/cancel")
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(FakeAws.json(202, RUNNING_CANCEL_REQUESTED)));

    CliRun.Result result = jobs.run("cancel", "job-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(cancelCalls("job-1")).hasSize(2);
  }

  @Test
  void cancel_againstAStackWithoutTheMethod_exits1SayingToDeployAgain() {
    cancelAnswers("job-1", 403, "{\"message\":\"Missing Authentication Token\"}");

    CliRun.Result result = jobs.run("cancel", "job-1");

    assertThat(result.oneLineError(ExitCode.ERROR))
        .contains("has no POST /jobs/{id}/cancel")
        .contains("jobs deploy");
  }

  void runningJobs(String... records) {
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs"))
            .withQueryParam("status", equalTo("RUNNING"))
            .withQueryParam("type", equalTo("sleep"))
            .willReturn(FakeAws.json(200, "{\"jobs\":[" + String.join(",", records) + "]}")));
  }

  static String running(String id) {
    return JobRecords.RUNNING.replace("job-1", id);
  }

  @Test
  void cancelByFilter_cancelsEachListedJob_andSkipsOneThatEndedMeanwhile() {
    runningJobs(running("job-1"), running("job-4"));
    cancelAnswers("job-1", 202, RUNNING_CANCEL_REQUESTED);
    ended("job-4", "SUCCEEDED");

    CliRun.Result result =
        jobs.run("cancel", "--status", "RUNNING", "--type", "sleep", "--since", "1h");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .endsWith("cancelled 1: job-1\n" + "skipped, changed meanwhile 1: job-4\n");
    assertThat(cancelCalls("job-1")).hasSize(1);
    assertThat(cancelCalls("job-4")).hasSize(1);
  }

  @Test
  void cancelByFilter_dryRun_listsAndTouchesNothing() {
    runningJobs(running("job-1"), running("job-4"));

    CliRun.Result result =
        jobs.run("cancel", "--status", "RUNNING", "--type", "sleep", "--since", "1h", "--dry-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("would cancel 2 jobs:\n");
    assertThat(wire.findAll(postRequestedFor(urlPathMatching("/prod/.*")))).isEmpty();
  }

  @Test
  void cancel_idsAndAFilter_exit2_beforeAnyCall() {
    assertThat(usageErrorBeforeAnyCall("cancel", "job-1", "--status", "RUNNING", "--since", "1h"))
        .startsWith("jobs: give job ids or a filter, not both");
  }

  @Test
  void cancel_aFilterWithoutStatus_exits2_beforeAnyCall() {
    assertThat(usageErrorBeforeAnyCall("cancel", "--type", "sleep", "--since", "1h"))
        .isEqualTo("jobs: a filter needs --status QUEUED or RUNNING\n");
  }

  @Test
  void cancel_manyIds_withoutATerminalOrYes_exits2_andCancelsNothing() {
    List<String> args = new ArrayList<>(List.of("cancel"));
    for (int i = 1; i <= 11; i++) {
      args.add("job-" + i);
    }

    CliRun.Result result = jobs.run(args.toArray(String[]::new));

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("11 jobs to cancel and no terminal");
    assertThat(wire.findAll(postRequestedFor(urlPathMatching("/prod/.*")))).isEmpty();
  }
}
