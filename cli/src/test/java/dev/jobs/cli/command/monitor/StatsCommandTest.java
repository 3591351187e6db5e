package dev.jobs.cli.command.monitor;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.Json;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.OnLocalTarget;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** {@code jobs stats} over a page with a cancelled job and a stalled one. */
class StatsCommandTest extends OnLocalTarget {
  @BeforeEach
  void aPage() {
    String stalled = running("lost", Duration.ofMinutes(30), Duration.ofMinutes(20));
    String alive = running("alive", Duration.ofMinutes(2), Duration.ofSeconds(1));
    String cancelled =
        "{\"id\":\"stopped\",\"status\":\"CANCELLED\",\"type\":\"sleep\",\"attempts\":1,"
            + "\"startedAt\":\""
            + jobs.now().minus(Duration.ofMinutes(10))
            + "\",\"finishedAt\":\""
            + jobs.now().minus(Duration.ofMinutes(9))
            + "\"}";
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs"))
            .willReturn(
                FakeAws.json(200, "{\"jobs\":[" + alive + "," + cancelled + "," + stalled + "]}")));
  }

  /** A sleep job's record, RUNNING: it started, and last beat its heart, this long ago. */
  private String running(String id, Duration started, Duration heartbeat) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\"RUNNING\",\"type\":\"sleep\",\"attempts\":1,"
        + "\"timeoutSeconds\":900,\"startedAt\":\""
        + jobs.now().minus(started)
        + "\",\"heartbeatAt\":\""
        + jobs.now().minus(heartbeat)
        + "\"}";
  }

  @Test
  void text_countsCancelled_andTheStalledAmongTheRunning() {
    CliRun.Result result = jobs.run("stats");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains(
            "  RUNNING         2  (1 stalled)\n"
                + "  SUCCEEDED       0\n"
                + "  FAILED          0\n"
                + "  CANCELLED       1\n"
                + "  total           3\n")
        .contains("RUNNING longest: lost (sleep), started ")
        .contains(", 30m00s ago, stalled\n");
  }

  @Test
  void json_countsCancelled_andTheStalled() {
    CliRun.Result result = jobs.run("stats", "--output", "json");

    JsonNode root = Json.parse(result.out());
    assertThat(Json.text(root.field("counts").orElseThrow(), "CANCELLED")).isEqualTo("1");
    assertThat(Json.text(root, "stalled")).isEqualTo("1");
    assertThat(root.field("oldestRunning").orElseThrow().field("stalled").orElseThrow().asBoolean())
        .isTrue();
  }

  @Test
  void aStackWithoutTheStatsMethod_isReadTheOldWay_andALineSaysSo() {
    CliRun.Result result = jobs.run("stats");

    assertThat(result.err()).contains("has no GET /jobs/stats").contains("jobs deploy");
    assertThat(result.err().lines()).hasSize(1);
    wire.verify(getRequestedFor(urlPathEqualTo("/prod/jobs")));
  }

  @Test
  void theStatsMethod_answersInOneCall_inWholeMinutes_andNoPageIsRead() {
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs/stats"))
            .willReturn(
                FakeAws.json(
                    200,
                    "{\"total\":5,\"counts\":{\"QUEUED\":1,\"RUNNING\":0,"
                        + "\"SUCCEEDED\":4,\"FAILED\":0,\"CANCELLED\":0},"
                        + "\"runTime\":{\"jobs\":4,\"p50Millis\":1031,\"p95Millis\":2047,"
                        + "\"maxMillis\":2047},\"failures\":[],\"stalled\":0,"
                        + "\"oldestRunning\":null}")));

    CliRun.Result result = jobs.run("stats", "--since", "1h");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .contains(
            "  QUEUED          1\n"
                + "  RUNNING         0\n"
                + "  SUCCEEDED       4\n"
                + "  FAILED          0\n"
                + "  CANCELLED       0\n"
                + "  total           5\n"
                + "run time of 4 finished: median 1031ms, p95 2047ms\n");
    wire.verify(
        getRequestedFor(urlPathEqualTo("/prod/jobs/stats"))
            .withQueryParam("since", matching("\\S+:\\d\\d:00Z"))
            .withQueryParam("until", matching("\\S+:\\d\\d:00Z")));
    wire.verify(0, getRequestedFor(urlPathEqualTo("/prod/jobs")));
  }
}
