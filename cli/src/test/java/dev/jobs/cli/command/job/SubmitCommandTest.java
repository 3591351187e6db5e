package dev.jobs.cli.command.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.OnLocalTarget;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code jobs submit}: a job named by its client, sent with PUT so that a retry runs it once. */
class SubmitCommandTest extends OnLocalTarget {
  static final String EXISTS = "{\"message\":\"job nightly-1 exists with other parameters\"}";

  List<LoggedRequest> puts(String id) {
    return wire.findAll(putRequestedFor(urlEqualTo("/prod/jobs/" + id)));
  }

  @Test
  void submit_withoutId_putsAFreshUuid_andPrintsIt() {
    wire.stubFor(
        put(urlPathMatching("/prod/jobs/[^/]+"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withTransformers("response-template")
                    .withBody("{\"id\":\"{{request.pathSegments.[2]}}\"}")));

    CliRun.Result first = jobs.run("submit", "--seconds", "5");
    CliRun.Result second = jobs.run("submit", "--seconds", "5");

    assertThat(first.exitCode()).as(first.err()).isZero();
    String id = first.out().strip();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(puts(id)).hasSize(1);
    assertThat(second.out().strip()).as("each submit names a new job").isNotEqualTo(id);
  }

  @Test
  void submitTwice_sameIdAndParameters_printsTheSameId_exits0() {
    aws.acceptsSubmit("nightly-1");

    CliRun.Result first = jobs.run("submit", "--seconds", "5", "--id", "nightly-1");
    CliRun.Result again = jobs.run("submit", "--seconds", "5", "--id", "nightly-1");

    assertThat(first.exitCode()).isZero();
    assertThat(again.exitCode()).isZero();
    assertThat(first.out()).isEqualTo("nightly-1\n").isEqualTo(again.out());
    assertThat(puts("nightly-1"))
        .extracting(LoggedRequest::getBodyAsString)
        .containsExactly("{\"seconds\":5}", "{\"seconds\":5}");
  }

  @Test
  void submit_idHeldByOtherParameters_exits7_inOneLine() {
    wire.stubFor(put("/prod/jobs/nightly-1").willReturn(FakeAws.json(409, EXISTS)));

    CliRun.Result result = jobs.run("submit", "--seconds", "6", "--id", "nightly-1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.EXISTS).isEqualTo(7);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("jobs: job nightly-1 exists with other parameters\n");
    assertThat(puts("nightly-1")).as("a 409 is an answer, not a failure to retry").hasSize(1);
  }

  @Test
  void submit_badId_exits2_beforeAnyCall() {
    String err = usageErrorBeforeAnyCall("submit", "--seconds", "5", "--id", "no/slash");

    assertThat(err).startsWith("jobs: --id: 'no/slash' is not a job id");
    assertThat(err.lines()).hasSize(1);
  }

  @Test
  void submit_answerLost_isRetriedWithTheSameIdAndBytes_andPrintsOneId() {
    wire.stubFor(
        put("/prod/jobs/nightly-1")
            .inScenario("lost")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("answered"));
    wire.stubFor(
        put("/prod/jobs/nightly-1")
            .inScenario("lost")
            .whenScenarioStateIs("answered")
            .willReturn(FakeAws.json(202, "{\"id\":\"nightly-1\"}")));

    CliRun.Result result =
        jobs.run("submit", "--type", "flaky", "--param", "failures=1", "--id", "nightly-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("nightly-1\n");
    List<LoggedRequest> sent = puts("nightly-1");
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).getBody()).isEqualTo(sent.get(0).getBody());
  }

  @Test
  void submit_toARuntimeWithoutPut_saysItIsOlder() {
    wire.stubFor(
        put("/prod/jobs/nightly-1")
            .willReturn(FakeAws.json(403, "{\"message\":\"Missing Authentication Token\"}")));

    CliRun.Result result = jobs.run("submit", "--seconds", "5", "--id", "nightly-1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.err()).contains("has no PUT /jobs/{id}").contains("older than this jobs");
  }
}
