package dev.jobs.cli.command.job;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.JobRecords;
import dev.jobs.cli.testing.OnLocalTarget;
import dev.jobs.cli.testing.SigV4;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code jobs list}: the signed GET /jobs against WireMock, and its three outputs. */
class ListCommandTest extends OnLocalTarget {

  /** {@code GET /prod/jobs} answers every query with this status and body. */
  void listAnswers(int status, String body) {
    wire.stubFor(get(urlPathEqualTo("/prod/jobs")).willReturn(FakeAws.json(status, body)));
  }

  List<LoggedRequest> listCalls() {
    return wire.findAll(getRequestedFor(urlPathEqualTo("/prod/jobs")));
  }

  /** The status filter the first list call sent. */
  String sentStatus() {
    return listCalls().get(0).queryParameter("status").firstValue();
  }

  @Test
  void listHelp_saysTheWindowsLongestSpan() {
    CliRun.Result result = jobs.run("list", "--help");

    assertThat(result.out()).contains("31 days at most.");
  }

  @Test
  void list_queued_sendsTheStatus_andShowsWhenEachJobWasQueued() {
    listAnswers(
        200,
        "{\"jobs\":[{\"id\":\"nightly-1\",\"status\":\"QUEUED\",\"type\":\"sleep\","
            + "\"attempts\":0,\"queuedAt\":\"2026-11-29T10:00:00.250Z\"}]}");

    CliRun.Result result = jobs.run("list", "--status", "QUEUED");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(sentStatus()).isEqualTo("QUEUED");
    assertThat(result.out()).containsPattern("nightly-1 +QUEUED +sleep +2026-11-29T10:00:00Z");
  }

  @Test
  void list_signsGetJobsWithTheQuery_timesSentAsInstants() {
    listAnswers(200, JobRecords.PAGE);

    CliRun.Result result =
        jobs.run(
            "list", "--status", "FAILED", "--since", "2h", "--until", "2026-11-29T11:00:00+01:00");

    assertThat(result.exitCode()).as(result.err()).isZero();
    LoggedRequest request = listCalls().get(0);
    assertThat(request.queryParameter("status").firstValue()).isEqualTo("FAILED");
    assertThat(request.queryParameter("since").firstValue())
        .isEqualTo(jobs.now().minus(Duration.ofHours(2)).toString());
    assertThat(request.queryParameter("until").firstValue()).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(request.queryParameter("limit").isPresent()).isFalse();
    assertThat(request.queryParameter("next").isPresent()).isFalse();
    assertThat(SigV4.parse(request.getHeader("Authorization")).accessKey())
        .isEqualTo(FakeAws.ASSUMED_KEY);
    assertThat(SigV4.valid(request, FakeAws.ASSUMED_SECRET)).isTrue();
  }

  @Test
  void list_text_isATableNewestFirst_timesToTheSecond_withTheErrorTypeAndCondition() {
    listAnswers(200, JobRecords.PAGE);

    CliRun.Result result = jobs.run("list");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "ID     STATUS   TYPE   STATUS TIME           ATTEMPTS  ERROR\n"
                + "job-2  FAILED   flaky  2026-11-29T10:00:01Z  1         JobFailedException"
                + " [RetriesExhausted]\n"
                + "job-1  RUNNING  sleep  2026-11-29T09:58:00Z  1\n");
  }

  @Test
  void list_errorTypeThatIsNoJavaClass_isShownWhole() {
    String timedOut =
        "{\"id\":\"job-3\",\"status\":\"FAILED\",\"type\":\"sleep\",\"attempts\":3,"
            + "\"finishedAt\":\"2026-11-29T10:15:00Z\",\"error\":{\"type\":\"Sandbox.Timedout\","
            + "\"message\":\"Task timed out\",\"condition\":\"RetriesExhausted\"}}";
    listAnswers(200, "{\"jobs\":[" + timedOut + "]}");

    CliRun.Result result = jobs.run("list");

    assertThat(result.out().lines().toList().get(1))
        .isEqualTo(
            "job-3  FAILED  sleep  2026-11-29T10:15:00Z  3         Sandbox.Timedout"
                + " [RetriesExhausted]");
  }

  @Test
  void list_withANextPage_printsTheCommandForIt_onStderr() {
    listAnswers(200, JobRecords.PAGE);

    CliRun.Result result = jobs.run("list", "--status", "FAILED", "--since", "1h", "--limit", "2");

    assertThat(result.err())
        .isEqualTo(
            "next page: jobs list --status FAILED --since "
                + jobs.now().minus(Duration.ofHours(1))
                + " --limit 2 --next eyJ2IjoxfQ\n");
  }

  @Test
  void list_next_sendsTheToken_andTheLastPageSaysNothingMore() {
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs"))
            .withQueryParam("next", equalTo("eyJ2IjoxfQ"))
            .willReturn(FakeAws.json(200, "{\"jobs\":[" + JobRecords.RUNNING + "]}")));

    CliRun.Result result =
        jobs.run("list", "--since", "2026-11-29T00:00:00Z", "--next", "eyJ2IjoxfQ");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("job-1").doesNotContain("job-2");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void list_json_printsTheApiAnswerAsIs_withoutTheStderrLine() {
    listAnswers(200, JobRecords.PAGE);

    CliRun.Result result = jobs.run("list", "--output", "json");

    assertThat(result.out()).isEqualTo(JobRecords.PAGE + "\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void list_quiet_printsOnlyTheIds() {
    listAnswers(200, JobRecords.PAGE);

    CliRun.Result result = jobs.run("list", "-q");

    assertThat(result.out()).isEqualTo("job-2\njob-1\n");
    assertThat(result.err()).isEqualTo("next page: jobs list -q --next eyJ2IjoxfQ\n");
  }

  @Test
  void list_emptyPage_saysSo() {
    listAnswers(200, "{\"jobs\":[]}");

    assertThat(jobs.run("list", "--status", "FAILED").out())
        .isEqualTo("no FAILED jobs in the 24 hours before now (see --since)\n");
    assertThat(jobs.run("list", "--since", "2026-11-29T00:00:00Z").out())
        .isEqualTo("no jobs since 2026-11-29T00:00:00Z\n");
  }

  @Test
  void list_rejectedParameter_exits2WithTheApiMessageInOneLine() {
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs"))
            .withQueryParam("next", equalTo("bogus"))
            .willReturn(FakeAws.json(400, "{\"message\":\"next: not a token this API gave\"}")));

    // --limit is checked here (OptionChecksTest); a token only the API can judge.
    CliRun.Result result = jobs.run("list", "--next", "bogus");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err())
        .isEqualTo("jobs: the jobs API rejected the list: next: not a token this API gave\n");
    assertThat(listCalls()).hasSize(1);
  }

  @Test
  void list_statusCancelled_isSentToTheApi() {
    listAnswers(200, "{\"jobs\":[]}");

    CliRun.Result result = jobs.run("list", "--status", "CANCELLED");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(sentStatus()).isEqualTo("CANCELLED");
    assertThat(result.out()).startsWith("no CANCELLED jobs");
  }

  @Test
  void list_marksARunningJobSilentPastItsTimeoutAndAMinute_stalled() {
    String stalled =
        "{\"id\":\"job-9\",\"status\":\"RUNNING\",\"type\":\"sleep\",\"attempts\":1,"
            + "\"timeoutSeconds\":900,\"startedAt\":\"2026-11-29T09:00:00Z\","
            + "\"heartbeatAt\":\""
            + jobs.now().minus(Duration.ofMinutes(17))
            + "\"}";
    String cancelled =
        "{\"id\":\"job-8\",\"status\":\"CANCELLED\",\"attempts\":0,"
            + "\"finishedAt\":\"2026-11-29T09:30:00Z\"}";
    listAnswers(200, "{\"jobs\":[" + stalled + "," + cancelled + "]}");

    CliRun.Result result = jobs.run("list");

    assertThat(result.out())
        .isEqualTo(
            "ID     STATUS             TYPE   STATUS TIME           ATTEMPTS  ERROR\n"
                + "job-9  RUNNING (stalled)  sleep  2026-11-29T09:00:00Z  1\n"
                + "job-8  CANCELLED          -      2026-11-29T09:30:00Z  0\n");
  }

  @Test
  void list_unknownStatus_exits2AndSendsNothing() {
    CliRun.Result result = jobs.run("list", "--status", "DONE");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("--status").contains("RUNNING, SUCCEEDED, FAILED, CANCELLED");
    assertThat(listCalls()).isEmpty();
  }

  @Test
  void list_unreadableSince_exits2AndSendsNothing() {
    CliRun.Result result = jobs.run("list", "--since", "yesterday");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("neither an ISO-8601 instant nor a duration ago");
    assertThat(listCalls()).isEmpty();
  }

  @Test
  void list_againstAStackWithoutTheMethod_exits1SayingToDeployAgain() {
    listAnswers(403, "{\"message\":\"Missing Authentication Token\"}");

    CliRun.Result result = jobs.run("list");

    assertThat(result.oneLineError(ExitCode.ERROR))
        .contains("has no GET /jobs")
        .contains("jobs deploy");
  }

  @Test
  void list_malformedAnswer_exits1WithOneLine() {
    listAnswers(200, "{\"items\":[]}");

    CliRun.Result result = jobs.run("list");

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.err())
        .isEqualTo("jobs: the jobs API answered GET /jobs without a \"jobs\" array\n");
  }
}
