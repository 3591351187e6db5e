package dev.jobs.cli.session;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jobs.cli.deploy.DeployStubs;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.OnLocalTarget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which HTTP client each kind of command sends its AWS calls with, as the SDK names it in the
 * User-Agent ({@code md/http#Apache}): the pooled Apache client for deploy and replay, the
 * url-connection client for a one-shot command such as {@code target add} or {@code stats}. The
 * commands may fail later on these stubs; the calls they made before tell.
 */
class HttpClientChoiceTest extends OnLocalTarget {

  @TempDir Path assembly;

  @BeforeEach
  void aWorkingStack() throws Exception {
    DeployStubs.readyToDeploy(wire, assembly);
    jobs.devProfile();
  }

  @Test
  void deploy_callsCloudFormationThroughTheApacheClient() {
    jobs.run(
        DeployStubs.deployAsDev(
            "--endpoint-url", aws.endpoint(), "--assembly", assembly.toString()));

    assertThat(userAgents(cloudFormation("jobs")))
        .isNotEmpty()
        .allMatch(agent -> agent.contains("http#Apache"));
  }

  @Test
  void targetAdd_callsCloudFormationThroughTheUrlConnectionClient() {
    aws.addProd(jobs);

    assertThat(userAgents(cloudFormation("jobs-prod")))
        .isNotEmpty()
        .allMatch(agent -> agent.contains("http#UrlConnection"));
  }

  @Test
  void replay_callsEventBridgeThroughTheApacheClient() {
    jobs.run("replay", "--since", "1h", "--dry-run");

    assertThat(userAgents(events("DescribeArchive")))
        .isNotEmpty()
        .allMatch(agent -> agent.contains("http#Apache"));
  }

  @Test
  void stats_assumesTheRoleThroughTheUrlConnectionClient() {
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs/stats"))
            .willReturn(
                FakeAws.json(
                    200,
                    "{\"total\":0,\"counts\":{},\"runTime\":{\"jobs\":0},\"failures\":[],"
                        + "\"stalled\":0,\"oldestRunning\":null}")));

    CliRun.Result result = jobs.run("stats");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(
            userAgents(
                postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))))
        .isNotEmpty()
        .allMatch(agent -> agent.contains("http#UrlConnection"));
  }

  /** The CloudFormation calls about one stack. */
  private static RequestPatternBuilder cloudFormation(String stack) {
    return postRequestedFor(urlEqualTo("/"))
        .withRequestBody(containing("Version=2010-05-15"))
        .withRequestBody(matching("(?s).*StackName=" + stack + "(&.*)?"));
  }

  private static RequestPatternBuilder events(String action) {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("AWSEvents." + action));
  }

  private static List<String> userAgents(RequestPatternBuilder pattern) {
    return wire.findAll(pattern).stream()
        .map(LoggedRequest::getHeaders)
        .map(headers -> headers.getHeader("User-Agent").firstValue())
        .toList();
  }
}
