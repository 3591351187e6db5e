package dev.jobs.cli.command.monitor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.OnFakeAws;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * {@code jobs alarms} against WireMock answering as CloudWatch does: the SDK's CloudWatch client
 * speaks Smithy RPC v2 CBOR, which moto_server does not, so the answers are CBOR written here.
 */
class AlarmsCommandTest extends OnFakeAws {
  private static final String DESCRIBE_ALARMS =
      "/service/GraniteServiceVersion20100801/operation/DescribeAlarms";

  @BeforeEach
  void aDeployedStack() throws Exception {
    jobs.devProfile();
    aws.stackOutputs("jobs-prod");
    CliRun.Result added = aws.addProd(jobs);
    assertThat(added.exitCode()).as(added.err()).isZero();
  }

  private static Map<String, Object> alarm(String name, String state, Instant since) {
    Map<String, Object> alarm = new LinkedHashMap<>();
    alarm.put("AlarmName", "jobs-prod." + name);
    alarm.put("AlarmDescription", name + " described");
    alarm.put("StateValue", state);
    alarm.put("StateReason", "Threshold Crossed: 1 datapoint [2.0] was >= the threshold (1.0).");
    alarm.put("StateUpdatedTimestamp", since);
    alarm.put("Namespace", "AWS/Lambda");
    alarm.put("MetricName", "Errors");
    alarm.put("Threshold", 1.0);
    return alarm;
  }

  private void cloudWatchAnswers(List<Map<String, Object>> alarms) {
    wire.stubFor(
        post(urlEqualTo(DESCRIBE_ALARMS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("smithy-protocol", "rpc-v2-cbor")
                    .withHeader("Content-Type", "application/cbor")
                    .withBody(Cbor.encode(Map.of("MetricAlarms", alarms)))));
  }

  @Test
  void alarmsInAlarmComeFirst_thenInsufficientData_thenOk() {
    Instant since = Instant.parse("2026-11-29T10:00:00Z");
    cloudWatchAnswers(
        List.of(
            alarm("Api5xx", "OK", since),
            alarm("ProcessingErrors", "ALARM", since),
            alarm("ApiLatency", "INSUFFICIENT_DATA", since),
            alarm("ErrorHandlerErrors", "ALARM", since)));

    CliRun.Result result = jobs.run("alarms");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).startsWith("ALARM").contains("ErrorHandlerErrors");
    assertThat(lines.get(1)).startsWith("ALARM").contains("ProcessingErrors");
    assertThat(lines.get(2)).startsWith("INSUFFICIENT_DATA").contains("ApiLatency");
    assertThat(lines.get(3))
        .startsWith("OK")
        .contains("Api5xx")
        .contains("since 2026-11-29T10:00:00Z");
    assertThat(lines.get(4)).startsWith("2 in ALARM");
  }

  @Test
  void theCallAsksForTheStacksAlarmsOnly_byTheAlarmNamePrefixOutput() {
    cloudWatchAnswers(List.of());

    CliRun.Result result = jobs.run("alarms");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("no alarms named jobs-prod.*");
    List<LoggedRequest> calls = wire.findAll(postRequestedFor(urlEqualTo(DESCRIBE_ALARMS)));
    assertThat(calls).hasSize(1);
    String body = new String(calls.get(0).getBody(), StandardCharsets.ISO_8859_1);
    // CBOR writes text as its UTF-8 bytes: the member name, then the output's prefix.
    assertThat(body).contains("AlarmNamePrefix").contains("jobs-prod.");
    assertThat(calls.get(0).getHeader("smithy-protocol")).isEqualTo("rpc-v2-cbor");
    assertThat(calls.get(0).getHeader("Authorization")).contains("AKIADEVKEY");
  }

  @Test
  void jsonGivesEveryAlarmWithItsStateReasonAndMetric() {
    cloudWatchAnswers(
        List.of(alarm("ProcessingErrors", "ALARM", Instant.parse("2026-11-29T10:00:00Z"))));

    CliRun.Result result = jobs.run("alarms", "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode first = Json.parse(result.out()).asArray().get(0);
    assertThat(Json.text(first, "name")).isEqualTo("jobs-prod.ProcessingErrors");
    assertThat(Json.text(first, "alarm")).isEqualTo("ProcessingErrors");
    assertThat(Json.text(first, "state")).isEqualTo("ALARM");
    assertThat(Json.text(first, "since")).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(Json.text(first, "reason")).startsWith("Threshold Crossed");
    assertThat(Json.text(first, "metric")).isEqualTo("Errors");
  }

  @Test
  void quietPrintsTheNamesOfTheAlarmsInAlarmOnly() {
    Instant since = Instant.parse("2026-11-29T10:00:00Z");
    cloudWatchAnswers(
        List.of(alarm("Api5xx", "OK", since), alarm("ProcessingErrors", "ALARM", since)));

    CliRun.Result result = jobs.run("alarms", "-q");

    assertThat(result.out()).isEqualTo("jobs-prod.ProcessingErrors\n");
  }

  @Test
  void againstTheLocalRuntime_itSaysThereIsNoCloudWatchInOneLine_andCallsNothing() {
    wire.resetRequests();

    CliRun.Result result = jobs.run("alarms", "--target", "local");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).contains("no CloudWatch").contains("jobs stats");
    assertThat(result.out()).isEmpty();
    assertThat(wire.getAllServeEvents()).isEmpty();
  }
}
