package dev.jobs.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Replays: EventBridge (JSON 1.1) against WireMock. */
class ReplayCommandTest {
  @RegisterExtension static WireMockExtension wire = FakeAws.server();

  @TempDir Path home;
  FakeAws aws;
  CliRun jobs;

  @BeforeEach
  void localStack() throws Exception {
    aws = new FakeAws(wire);
    aws.localRuntime(home);
    aws.stackOutputs("jobs-local");
    jobs = new CliRun(home);
    wire.stubFor(
        FakeAws.events("DescribeArchive")
            .willReturn(
                FakeAws.json11(
                    "{\"ArchiveArn\":\""
                        + FakeAws.ARCHIVE_ARN
                        + "\",\"ArchiveName\":\""
                        + FakeAws.ARCHIVE
                        + "\",\"EventSourceArn\":\""
                        + FakeAws.BUS
                        + "\",\"State\":\"ENABLED\",\"EventCount\":7}")));
  }

  void startReplayAnswers() {
    wire.stubFor(
        FakeAws.events("StartReplay")
            .willReturn(
                FakeAws.json11(
                    "{\"ReplayArn\":\"arn:aws:events:us-east-1:000000000000:replay/r1\","
                        + "\"State\":\"STARTING\",\"ReplayStartTime\":1700000000}")));
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
  void debug_logsTheAwsCalls_withAuthorizationRedacted() {
    CliRun.Result result = jobs.run("replay", "--since", "1h", "--dry-run", "--debug");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err())
        .contains("> POST " + aws.endpoint() + "/")
        .contains("X-Amz-Target: AWSEvents.DescribeArchive")
        .contains("Authorization: <redacted>")
        .contains("< 200")
        .doesNotContain("Signature=");
  }

  @Test
  void dryRun_printsTheArchiveWindowAndCount_andStartsNothing() {
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
        .contains("7 in the whole archive");
    assertThat(calls("StartReplay")).isEmpty();
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
    assertThat(result.out()).isEqualTo("replay r1 COMPLETED\n");
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
  }

  @Test
  void windowBackwards_exits2AndCallsNothing() {
    CliRun.Result result = jobs.run("replay", "--since", "1h", "--until", "2h");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).startsWith("jobs: --since must be before --until");
    assertThat(wire.getAllServeEvents()).isEmpty();
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

    assertThat(result.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
    assertThat(result.err())
        .contains("AccessDeniedException")
        .contains("the local runtime's operator keys");
    assertThat(result.err().lines()).hasSize(1);
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

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.err()).contains("InternalException");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void malformedAnswer_exits1() {
    wire.stubFor(FakeAws.events("StartReplay").willReturn(FakeAws.json11("{\"State\": ")));

    CliRun.Result result = jobs.run("replay", "--since", "1h");

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.err()).startsWith("jobs: StartReplay");
    assertThat(result.err().lines()).hasSize(1);
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
