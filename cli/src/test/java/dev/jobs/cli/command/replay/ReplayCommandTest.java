package dev.jobs.cli.command.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.OnLocalTarget;
import dev.jobs.cli.testing.SigV4;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Replays: EventBridge (JSON 1.1) against WireMock. */
class ReplayCommandTest extends OnLocalTarget {

  @BeforeEach
  void localStack() throws Exception {
    // No failed jobs, unless a test lists some (a later stub wins).
    wire.stubFor(get(urlPathEqualTo("/prod/jobs")).willReturn(FakeAws.json(200, "{\"jobs\":[]}")));
    aws.archive();
  }

  void startReplayAnswers() {
    wire.stubFor(
        FakeAws.events("StartReplay")
            .willReturn(
                FakeAws.json11(
                    "{\"ReplayArn\":\"arn:aws:events:us-east-1:000000000000:replay/r1\","
                        + "\"State\":\"STARTING\",\"ReplayStartTime\":1700000000}")));
  }

  /** A failed job as the API records it. */
  static String failed(String id, int attempts) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\"FAILED\",\"type\":\"flaky\",\"parameters\":{\"failures\":1},"
        + "\"attempts\":"
        + attempts
        + ",\"startedAt\":\"2026-11-29T09:59:59Z\",\"finishedAt\":\"2026-11-29T10:00:00Z\","
        + "\"error\":{\"type\":\"dev.jobs.kind.JobFailedException\","
        + "\"message\":\"failing on purpose\",\"condition\":\"RetriesExhausted\"}}";
  }

  static String record(String id, String status, int attempts) {
    return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"attempts\":" + attempts + "}";
  }

  /** The list API's pages, the first without a token, each next one with TOKEN1, TOKEN2, ... */
  void listPages(String... pages) {
    for (int i = 0; i < pages.length; i++) {
      wire.stubFor(
          get(urlPathEqualTo("/prod/jobs"))
              .withQueryParam("next", i == 0 ? absent() : equalTo("TOKEN" + i))
              .willReturn(FakeAws.json(200, pages[i])));
    }
  }

  void replayEnds(String state) {
    startReplayAnswers();
    wire.stubFor(
        FakeAws.events("DescribeReplay")
            .willReturn(
                FakeAws.json11(
                    "{\"ReplayName\":\"r1\",\"State\":\""
                        + state
                        + "\",\"EventStartTime\":1700000000,\"EventEndTime\":1700003600}")));
  }

  @Test
  void replay_withoutSince_isAUsageError_andStartsNothing() {
    startReplayAnswers();

    CliRun.Result result = jobs.run("replay", "--name", "r1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err())
        .isEqualTo("jobs: Missing required option: '--since=TIME' (see: jobs replay --help)\n");
    assertThat(calls("StartReplay")).isEmpty();
  }

  @Test
  void replayHelp_wordsTheWindowAsTheArchivesWindow() {
    CliRun.Result result = jobs.run("replay", "--help");

    assertThat(result.out())
        .contains("--since=TIME         Start of the window: an ISO-8601 instant or a")
        .contains("--until=TIME         End of the window, as --since (default: now).");
  }

  @Test
  void replayWait_redrivenJobSucceeds_sumsItUp_exits0() {
    listPages("{\"jobs\":[" + failed("job-1", 1) + "]}");
    replayEnds("COMPLETED");
    aws.jobAnswers(
        "job-1",
        failed("job-1", 1),
        record("job-1", "RUNNING", 2),
        record("job-1", "SUCCEEDED", 2));

    CliRun.Result result = jobs.run("replay", "--since", "1h", "--name", "r1", "--wait");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "replay r1 COMPLETED\nre-driven 1: SUCCEEDED 1, FAILED again 0\nre-driven: job-1\n");
    assertThat(result.err()).isEmpty();
    // The jobs were listed before the replay started: their attempts then tell a re-drive.
    LoggedRequest list = wire.findAll(getRequestedFor(urlPathEqualTo("/prod/jobs"))).get(0);
    LoggedRequest start = calls("StartReplay").get(0);
    assertThat(list.getLoggedDate()).isBeforeOrEqualTo(start.getLoggedDate());
    assertThat(wire.findAll(getRequestedFor(urlEqualTo("/prod/jobs/job-1")))).hasSize(3);
  }

  @Test
  void replayWait_someFailAgain_namesThem_exits3() {
    listPages("{\"jobs\":[" + failed("job-2", 1) + "," + failed("job-1", 3) + "]}");
    replayEnds("COMPLETED");
    aws.jobAnswers("job-2", record("job-2", "RUNNING", 2), record("job-2", "SUCCEEDED", 2));
    aws.jobAnswers("job-1", record("job-1", "RUNNING", 4), failed("job-1", 4));

    CliRun.Result result = jobs.run("replay", "--since", "1h", "--name", "r1", "--wait");

    assertThat(result.exitCode()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(result.out())
        .isEqualTo(
            "replay r1 COMPLETED\n"
                + "re-driven 2: SUCCEEDED 1, FAILED again 1\n"
                + "re-driven: job-2 job-1\n"
                + "FAILED again: job-1\n");
  }

  @Test
  void replayWait_redrivenJobCancelledMeanwhile_endsItsFollow_andIsCountedApart() {
    listPages("{\"jobs\":[" + failed("job-2", 1) + "," + failed("job-1", 1) + "]}");
    replayEnds("COMPLETED");
    aws.jobAnswers("job-2", record("job-2", "RUNNING", 2), record("job-2", "SUCCEEDED", 2));
    aws.jobAnswers("job-1", record("job-1", "RUNNING", 2), record("job-1", "CANCELLED", 2));

    CliRun.Result result = jobs.run("replay", "--since", "1h", "--name", "r1", "--wait");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "replay r1 COMPLETED\nre-driven 2: SUCCEEDED 1, FAILED again 0, CANCELLED 1\n"
                + "re-driven: job-2 job-1\n");
    assertThat(
            Json.parse(
                    jobs.run(
                            "replay", "--since", "1h", "--name", "r2", "--wait", "--output", "json")
                        .out())
                .asObject()
                .get("cancelledIds")
                .asArray())
        .extracting(JsonNode::asString)
        .containsExactly("job-1");
  }

  @Test
  void replayWait_jobNotRedrivenWithinTheGrace_isAWarning_notAFailure() {
    listPages("{\"jobs\":[" + failed("job-2", 1) + "," + failed("job-1", 1) + "]}");
    replayEnds("COMPLETED");
    aws.jobAnswers("job-2", record("job-2", "SUCCEEDED", 2));
    aws.jobAnswers("job-1", failed("job-1", 1));

    CliRun.Result result =
        jobs.run("replay", "--since", "1h", "--name", "r1", "--wait", "--grace", "30s");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "replay r1 COMPLETED\nre-driven 1: SUCCEEDED 1, FAILED again 0\nre-driven: job-2\n");
    assertThat(result.err())
        .isEqualTo(
            "jobs: warning: 1 failed job(s) of the window not re-driven (failure not in the"
                + " replayed archive window?): job-1\n");
    assertThat(jobs.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void replayWait_json_isOneDocument_withTheOutcome() {
    listPages(
        "{\"jobs\":["
            + failed("job-3", 1)
            + ","
            + failed("job-2", 1)
            + ","
            + failed("job-1", 1)
            + "]}");
    replayEnds("COMPLETED");
    aws.jobAnswers("job-3", record("job-3", "SUCCEEDED", 2));
    aws.jobAnswers("job-2", failed("job-2", 2));
    aws.jobAnswers("job-1", failed("job-1", 1));

    CliRun.Result result =
        jobs.run(
            "replay",
            "--since",
            "1h",
            "--name",
            "r1",
            "--wait",
            "--grace",
            "5s",
            "--output",
            "json");

    assertThat(result.exitCode()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(result.out().lines()).hasSize(1);
    Map<String, JsonNode> json = Json.parse(result.out()).asObject();
    assertThat(json.get("state").asString()).isEqualTo("COMPLETED");
    assertThat(json.get("listed").asNumber()).isEqualTo("3");
    assertThat(json.get("redriven").asNumber()).isEqualTo("2");
    assertThat(json.get("succeeded").asNumber()).isEqualTo("1");
    assertThat(json.get("failedAgain").asNumber()).isEqualTo("1");
    assertThat(json.get("failedAgainIds").asArray())
        .extracting(JsonNode::asString)
        .containsExactly("job-2");
    assertThat(json.get("notRedrivenIds").asArray())
        .extracting(JsonNode::asString)
        .containsExactly("job-1");
  }

  @Test
  void replayWait_jobStillRunningAtTheTimeout_exits4NamingIt() {
    listPages("{\"jobs\":[" + failed("job-1", 1) + "]}");
    replayEnds("COMPLETED");
    aws.jobAnswers("job-1", record("job-1", "RUNNING", 2));

    CliRun.Result result =
        jobs.run("replay", "--since", "1h", "--name", "r1", "--wait", "--timeout", "2m");

    assertThat(result.exitCode()).isEqualTo(ExitCode.TIMED_OUT);
    assertThat(result.err())
        .isEqualTo(
            "jobs: after 2m00s, 1 of the 1 failed jobs have no outcome yet: job-1"
                + " (follow one with: jobs wait ID)\n");
    assertThat(jobs.slept()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void replayWait_cancelledReplay_exits1_andFollowsNoJob() {
    listPages("{\"jobs\":[" + failed("job-1", 1) + "]}");
    replayEnds("CANCELLED");

    CliRun.Result result = jobs.run("replay", "--since", "1h", "--name", "r1", "--wait");

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.out()).isEqualTo("replay r1 CANCELLED\n");
    assertThat(wire.findAll(getRequestedFor(urlEqualTo("/prod/jobs/job-1")))).isEmpty();
  }

  @Test
  void localTarget_recentWindow_noArchiveWarning() {
    CliRun.Result result = jobs.run("replay", "--since", "1h", "--dry-run");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void deployedTarget_windowEndingLessThan10MinutesAgo_warnsNamingTheTime() throws Exception {
    jobs.devProfile();
    aws.stackOutputs("jobs-prod");
    CliRun.Result added = aws.addProd(jobs, "--use");
    assertThat(added.exitCode()).as(added.err()).isZero();

    CliRun.Result recent = jobs.run("replay", "--since", "1h", "--until", "5m", "--dry-run");
    CliRun.Result settled = jobs.run("replay", "--since", "1h", "--until", "10m", "--dry-run");

    assertThat(recent.exitCode()).as(recent.err()).isZero();
    assertThat(recent.err())
        .isEqualTo(
            "jobs: warning: failures after "
                + jobs.now().minus(Duration.ofMinutes(10))
                + " may not be archived yet (EventBridge can take minutes); replay that part"
                + " again later\n");
    assertThat(settled.err()).isEmpty();
  }

  @Test
  void help_saysWhatIsRedriven() {
    CliRun.Result result = jobs.run("replay", "--help");

    assertThat(result.out().replaceAll("\\s+", " "))
        .contains(
            "every job whose failure falls between --since and --until runs again under its id,"
                + " each once")
        .contains("exit 0 when every re-driven job SUCCEEDED, 3 when some FAILED again");
  }

  List<LoggedRequest> calls(String action) {
    return wire.findAll(
        postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo("AWSEvents." + action)));
  }

  @Test
  void replay_startsFromTheArchive_ontoTheBus_restrictedToTheReplayRule() {
    startReplayAnswers();

    CliRun.Result result = jobs.run("replay", "--since", "2h", "--name", "r1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("replay r1 STARTING: " + FakeAws.ARCHIVE);
    LoggedRequest start = calls("StartReplay").get(0);
    assertThat(start.getHeader("Content-Type")).startsWith("application/x-amz-json-1.1");
    Map<String, JsonNode> body = Json.parse(start.getBodyAsString()).asObject();
    assertThat(body.get("ReplayName").asString()).isEqualTo("r1");
    assertThat(body.get("EventSourceArn").asString()).isEqualTo(FakeAws.ARCHIVE_ARN);
    Map<String, JsonNode> destination = body.get("Destination").asObject();
    assertThat(destination.get("Arn").asString()).isEqualTo(FakeAws.BUS);
    assertThat(destination.get("FilterArns").asArray()).hasSize(1);
    assertThat(destination.get("FilterArns").asArray().get(0).asString()).isEqualTo(FakeAws.RULE);
    assertThat(new BigDecimal(body.get("EventStartTime").asNumber()).longValue())
        .isEqualTo(jobs.now().minusSeconds(7200).getEpochSecond());
    assertThat(new BigDecimal(body.get("EventEndTime").asNumber()).longValue())
        .isEqualTo(jobs.now().getEpochSecond());
    // Replays run with the caller's credentials, not the invoke role.
    assertThat(SigV4.parse(start.getHeader("Authorization")).accessKey()).isEqualTo("test");
  }

  @Test
  void aStartedReplay_isOfferedForCompletion() {
    startReplayAnswers();

    CliRun.Result result = jobs.run("replay", "--since", "1h", "--name", "r1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(jobs.run("__complete", "replays").out()).isEqualTo("r1\n");
  }

  @Test
  void debug_logsTheAwsCalls_withAuthorizationRedacted() {
    CliRun.Result result = jobs.run("replay", "--since", "1h", "--dry-run", "--debug");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err())
        .contains("> POST " + aws.endpoint() + "/")
        .contains("X-Amz-Target: AWSEvents.DescribeArchive")
        .contains("* events:DescribeArchive")
        .contains("\"ArchiveName\":\"" + FakeAws.ARCHIVE + "\"")
        .contains("Authorization: <redacted>")
        .contains("< 200")
        .doesNotContain("Signature=");
  }

  @Test
  void dryRun_printsTheArchiveAndWindow_andStartsNothing() {
    CliRun.Result result =
        jobs.run(
            "replay",
            "--since",
            "2026-11-01T00:00:00Z",
            "--until",
            "2026-11-02T00:00:00Z",
            "--dry-run");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(FakeAws.ARCHIVE_ARN)
        .contains("2026-11-01T00:00:00Z to 2026-11-02T00:00:00Z")
        .contains(FakeAws.RULE)
        .contains("failed jobs  0, each re-driven once by the replay\n");
    assertThat(calls("StartReplay")).isEmpty();
  }

  @Test
  void dryRun_listsTheFailedJobsOfTheWindow_everyPage_andTheirCount() {
    listPages(
        "{\"jobs\":[" + failed("job-3", 1) + "," + failed("job-2", 2) + "],\"next\":\"TOKEN1\"}",
        "{\"jobs\":[" + failed("job-1", 1) + "]}");

    CliRun.Result result =
        jobs.run(
            "replay",
            "--since",
            "2026-11-29T09:00:00Z",
            "--until",
            "2026-11-29T11:00:00Z",
            "--name",
            "r1",
            "--dry-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .endsWith(
            "  failed jobs  3, each re-driven once by the replay\n"
                + "ID     STATUS  TYPE   STATUS TIME           ATTEMPTS  ERROR\n"
                + "job-3  FAILED  flaky  2026-11-29T10:00:00Z  1         JobFailedException"
                + " [RetriesExhausted]\n"
                + "job-2  FAILED  flaky  2026-11-29T10:00:00Z  2         JobFailedException"
                + " [RetriesExhausted]\n"
                + "job-1  FAILED  flaky  2026-11-29T10:00:00Z  1         JobFailedException"
                + " [RetriesExhausted]\n");
    List<LoggedRequest> lists = wire.findAll(getRequestedFor(urlPathEqualTo("/prod/jobs")));
    assertThat(lists).hasSize(2);
    for (LoggedRequest list : lists) {
      assertThat(list.queryParameter("status").firstValue()).isEqualTo("FAILED");
      assertThat(list.queryParameter("since").firstValue()).isEqualTo("2026-11-29T09:00:00Z");
      assertThat(list.queryParameter("until").firstValue()).isEqualTo("2026-11-29T11:00:00Z");
      assertThat(list.queryParameter("limit").firstValue()).isEqualTo("100");
    }
    assertThat(lists.get(1).queryParameter("next").firstValue()).isEqualTo("TOKEN1");
    assertThat(calls("StartReplay")).isEmpty();
  }

  @Test
  void dryRun_jobRefusedBeforeItRan_isNotListed_forItsFailureIsNotArchived() {
    String refused =
        failed("job-refused", 1)
            .replace("dev.jobs.kind.JobFailedException", "InvalidJobException")
            .replace("RetriesExhausted", "ValidationFailed");
    listPages("{\"jobs\":[" + failed("job-2", 1) + "," + refused + "]}");

    CliRun.Result result = jobs.run("replay", "--since", "1h", "--name", "r1", "--dry-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("  failed jobs  1, each re-driven once by the replay\n")
        .contains("job-2")
        .doesNotContain("job-refused");
  }

  @Test
  void dryRun_jsonAndQuiet_carryTheFailedJobs() {
    listPages("{\"jobs\":[" + failed("job-1", 1) + "]}");

    CliRun.Result json = jobs.run("replay", "--since", "1h", "--dry-run", "--output", "json");
    CliRun.Result quiet = jobs.run("replay", "--since", "1h", "--dry-run", "-q");

    Map<String, JsonNode> document = Json.parse(json.out()).asObject();
    assertThat(document.get("failedJobCount").asNumber()).isEqualTo("1");
    assertThat(document.get("failedJobs").asArray().get(0).asObject().get("id").asString())
        .isEqualTo("job-1");
    assertThat(quiet.out()).isEqualTo("job-1\n");
  }

  @Test
  void dryRun_windowLongerThanTheListApiTakes_isListedIn31DayParts() {
    CliRun.Result result = jobs.run("replay", "--since", "40d", "--dry-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<LoggedRequest> lists = wire.findAll(getRequestedFor(urlPathEqualTo("/prod/jobs")));
    assertThat(lists).hasSize(2);
    String split = jobs.now().minus(Duration.ofDays(31)).toString();
    assertThat(lists.get(0).queryParameter("since").firstValue()).isEqualTo(split);
    assertThat(lists.get(0).queryParameter("until").firstValue()).isEqualTo(jobs.now().toString());
    assertThat(lists.get(1).queryParameter("since").firstValue())
        .isEqualTo(jobs.now().minus(Duration.ofDays(40)).toString());
    assertThat(lists.get(1).queryParameter("until").firstValue()).isEqualTo(split);
  }

  @Test
  void replayWait_followsTheReplayToCompleted() {
    startReplayAnswers();
    String[] states = {"STARTING", "RUNNING", "COMPLETED"};
    for (int i = 0; i < states.length; i++) {
      wire.stubFor(
          FakeAws.events("DescribeReplay")
              .inScenario("replay")
              .whenScenarioStateIs(i == 0 ? STARTED : states[i - 1])
              .willReturn(
                  FakeAws.json11(
                      "{\"ReplayName\":\"r1\",\"State\":\""
                          + states[i]
                          + "\","
                          + "\"EventStartTime\":1700000000,\"EventEndTime\":1700003600}"))
              .willSetStateTo(states[i]));
    }

    CliRun.Result result = jobs.run("replay", "--since", "1h", "--name", "r1", "--wait");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo("replay r1 COMPLETED\nre-driven 0: SUCCEEDED 0, FAILED again 0\n");
    assertThat(calls("DescribeReplay")).hasSize(3);
  }

  @Test
  void replayWait_failedReplay_exits1WithTheReason() {
    startReplayAnswers();
    wire.stubFor(
        FakeAws.events("DescribeReplay")
            .willReturn(
                FakeAws.json11(
                    "{\"ReplayName\":\"r1\",\"State\":\"FAILED\",\"StateReason\":\"rule gone\"}")));

    CliRun.Result result =
        jobs.run("replay", "--since", "1h", "--name", "r1", "--wait", "--output", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    Map<String, JsonNode> json = Json.parse(result.out()).asObject();
    assertThat(json.get("state").asString()).isEqualTo("FAILED");
    assertThat(json.get("stateReason").asString()).isEqualTo("rule gone");
    assertThat(json).doesNotContainKey("redriven");
  }

  @Test
  void windowBackwards_exits2AndCallsNothing() {
    assertThat(usageErrorBeforeAnyCall("replay", "--since", "1h", "--until", "2h"))
        .startsWith("jobs: --since must be before --until");
  }

  @Test
  void unreadableSince_exits2() {
    CliRun.Result result = jobs.run("replay", "--since", "yesterday");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("neither an ISO-8601 instant nor a duration ago");
  }

  @Test
  void missingArchive_exits6() {
    wire.stubFor(
        FakeAws.events("DescribeArchive")
            .willReturn(
                FakeAws.jsonError(400, "ResourceNotFoundException", "Archive does not exist.")));

    CliRun.Result result = jobs.run("replay", "--since", "1h");

    assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(result.err())
        .isEqualTo("jobs: archive " + FakeAws.ARCHIVE + " of target 'local' does not exist\n");
  }

  @Test
  void accessDenied_exits5_namingTheCredentials() {
    wire.stubFor(
        FakeAws.events("StartReplay")
            .willReturn(
                FakeAws.jsonError(
                    400, "AccessDeniedException", "not authorized to perform events:StartReplay")));

    CliRun.Result result = jobs.run("replay", "--since", "1h");

    assertThat(result.oneLineError(ExitCode.CREDENTIALS))
        .contains("AccessDeniedException")
        .contains("the local runtime's operator keys");
  }

  @Test
  void throttledStart_isRetried() {
    wire.stubFor(
        FakeAws.events("StartReplay")
            .inScenario("t")
            .whenScenarioStateIs(STARTED)
            .willReturn(FakeAws.jsonError(400, "ThrottlingException", "Rate exceeded"))
            .willSetStateTo("ok"));
    wire.stubFor(
        FakeAws.events("StartReplay")
            .inScenario("t")
            .whenScenarioStateIs("ok")
            .willReturn(FakeAws.json11("{\"State\":\"STARTING\"}")));

    CliRun.Result result = jobs.run("replay", "--since", "1h", "--name", "r1");

    assertThat(result.exitCode()).isZero();
    assertThat(calls("StartReplay")).hasSize(2);
  }

  @Test
  void serverErrorPersisting_exits1() {
    wire.stubFor(
        FakeAws.events("StartReplay")
            .willReturn(FakeAws.jsonError(500, "InternalException", "Internal error")));

    CliRun.Result result = jobs.run("replay", "--since", "1h");

    assertThat(result.oneLineError(ExitCode.ERROR)).contains("InternalException");
  }

  @Test
  void malformedAnswer_exits1() {
    wire.stubFor(FakeAws.events("StartReplay").willReturn(FakeAws.json11("{\"State\": ")));

    CliRun.Result result = jobs.run("replay", "--since", "1h");

    assertThat(result.oneLineError(ExitCode.ERROR)).startsWith("jobs: StartReplay");
  }

  @Test
  void replaysList_showsTheArchivesReplays_asTextAndJson() {
    wire.stubFor(
        FakeAws.events("ListReplays")
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(FakeAws.ARCHIVE_ARN))
            .willReturn(
                FakeAws.json11(
                    "{\"Replays\":[{\"ReplayName\":\"r1\",\"State\":\"COMPLETED\","
                        + "\"EventStartTime\":1700000000,\"EventEndTime\":1700003600,"
                        + "\"ReplayStartTime\":1700007200}]}")));

    CliRun.Result text = jobs.run("replays", "list");
    CliRun.Result json = jobs.run("replays", "list", "--output", "json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).startsWith("r1").contains("COMPLETED");
    assertThat(Json.parse(json.out()).asArray().get(0).asObject().get("state").asString())
        .isEqualTo("COMPLETED");
  }

  @Test
  void replaysList_quiet_printsOnlyTheNames_andTextTimesAreToTheSecond() {
    wire.stubFor(
        FakeAws.events("ListReplays")
            .willReturn(
                FakeAws.json11(
                    "{\"Replays\":[{\"ReplayName\":\"r1\",\"State\":\"COMPLETED\","
                        + "\"EventStartTime\":1700000000.123,\"EventEndTime\":1700003600,"
                        + "\"ReplayStartTime\":1700007200}]}")));

    CliRun.Result quiet = jobs.run("replays", "list", "-q");
    CliRun.Result text = jobs.run("replays", "list");

    assertThat(quiet.exitCode()).isZero();
    assertThat(quiet.out()).isEqualTo("r1\n");
    assertThat(text.out()).contains("2023-11-14T22:13:20Z .. 2023-11-14T23:13:20Z");
  }

  @Test
  void replaysCancel_cancels_andAnUnknownReplayExits6() {
    wire.stubFor(
        FakeAws.events("CancelReplay")
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"r1\""))
            .willReturn(FakeAws.json11("{\"State\":\"CANCELLING\"}")));
    wire.stubFor(
        FakeAws.events("CancelReplay")
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"r2\""))
            .willReturn(FakeAws.jsonError(400, "ResourceNotFoundException", "no such replay")));

    assertThat(jobs.run("replays", "cancel", "r1").out()).isEqualTo("replay r1 CANCELLING\n");
    assertThat(jobs.run("replays", "cancel", "r2").exitCode()).isEqualTo(ExitCode.NOT_FOUND);
  }
}
