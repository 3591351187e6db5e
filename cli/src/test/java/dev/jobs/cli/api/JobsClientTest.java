package dev.jobs.cli.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.JobRecords;
import dev.jobs.cli.testing.OnLocalTarget;
import dev.jobs.cli.testing.SigV4;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The jobs API calls against WireMock, through the built-in local target. */
class JobsClientTest extends OnLocalTarget {

  @Test
  void submit_signsThePutWithTheAssumedRole_signatureVerifiesWithTheSameSecret() {
    aws.acceptsSubmit("job-1");

    CliRun.Result result = jobs.run("submit", "--seconds", "5", "--id", "job-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("job-1\n");
    LoggedRequest request = wire.findAll(putRequestedFor(urlEqualTo("/prod/jobs/job-1"))).get(0);
    assertThat(request.getBodyAsString()).isEqualTo("{\"seconds\":5}");
    SigV4.Authorization auth = SigV4.parse(request.getHeader("Authorization"));
    assertThat(auth.accessKey()).isEqualTo(FakeAws.ASSUMED_KEY);
    assertThat(auth.service()).isEqualTo("execute-api");
    assertThat(auth.region()).isEqualTo("us-east-1");
    assertThat(request.getHeader("X-Amz-Security-Token")).isEqualTo(FakeAws.ASSUMED_TOKEN);
    assertThat(SigV4.valid(request, FakeAws.ASSUMED_SECRET)).isTrue();
    assertThat(SigV4.valid(request, "another-secret")).isFalse();
  }

  @Test
  void get_signsTheGet_andPrintsTheRecordAsText() {
    wire.stubFor(get("/prod/jobs/job-1").willReturn(FakeAws.json(200, JobRecords.SUCCEEDED)));

    CliRun.Result result = jobs.run("get", "job-1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("status     SUCCEEDED")
        .contains("finished   2026-11-26T12:00:05Z (5s)")
        .contains("result     {\"slept\":5}");
    LoggedRequest request = wire.findAll(getRequestedFor(urlEqualTo("/prod/jobs/job-1"))).get(0);
    assertThat(SigV4.valid(request, FakeAws.ASSUMED_SECRET)).isTrue();
  }

  @Test
  void get_text_showsTimesToTheSecond_andTheErrorTypeWithoutItsPackage_jsonAsAnswered() {
    wire.stubFor(get("/prod/jobs/job-2").willReturn(FakeAws.json(200, JobRecords.FAILED)));

    CliRun.Result text = jobs.run("get", "job-2");
    CliRun.Result json = jobs.run("get", "job-2", "--output", "json");

    assertThat(text.out())
        .contains("started    2026-11-29T10:00:00Z\n")
        .contains("finished   2026-11-29T10:00:01Z (1s)\n")
        .contains(
            "error      JobFailedException: failing on purpose: attempt 1 of the first 1"
                + " [RetriesExhausted]\n");
    assertThat(json.out().strip()).isEqualTo(JobRecords.FAILED);
  }

  @Test
  void status_isAnAliasOfGet_andJsonOutputIsTheApiRecord() {
    wire.stubFor(get("/prod/jobs/job-1").willReturn(FakeAws.json(200, JobRecords.SUCCEEDED)));

    CliRun.Result result = jobs.run("status", "job-1", "--output", "json");

    assertThat(result.exitCode()).isZero();
    assertThat(Json.parse(result.out()).asObject().get("status").asString()).isEqualTo("SUCCEEDED");
  }

  /** What the API answered, and the exit code and the one line the user gets for it. */
  static Stream<Arguments> answersOfOneLine() {
    return Stream.of(
        arguments(
            "get of an unknown id exits 6",
            get("/prod/jobs/nope").willReturn(FakeAws.jobNotFound()),
            "get nope",
            ExitCode.NOT_FOUND,
            "jobs: job nope not found\n"),
        arguments(
            "get of a malformed body exits 1",
            get("/prod/jobs/job-1").willReturn(FakeAws.json(200, "{\"id\": \"job-1\", ")),
            "get job-1",
            ExitCode.ERROR,
            "jobs: the jobs API answered with malformed JSON\n"),
        arguments(
            "submit of a type the API does not know exits 2, naming the types it serves",
            put(urlPathMatching("/prod/jobs/[^/]+"))
                .willReturn(
                    FakeAws.json(
                        400,
                        "{\"message\": \"Invalid request body\", \"jobTypes\": [\"sleep\","
                            + " \"flaky\"]}")),
            "submit --type paint",
            ExitCode.USAGE,
            "jobs: the jobs API rejected the job: Invalid request body (job types: sleep,"
                + " flaky)\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answersOfOneLine")
  void apiAnswer_exitsWithItsCode_andOneLine(
      String what, MappingBuilder answer, String line, int exitCode, String err) {
    wire.stubFor(answer);

    CliRun.Result result = jobs.run(line.split(" "));

    assertThat(result.exitCode()).isEqualTo(exitCode);
    assertThat(result.err()).isEqualTo(err);
  }

  @Test
  void get_forbidden_assumesTheRoleOnceMore_thenExits5NamingTheRole() {
    wire.stubFor(
        get("/prod/jobs/job-1")
            .willReturn(
                FakeAws.json(
                    403,
                    "{\"message\":\"User is not authorized to perform: execute-api:Invoke\"}")));
    jobs.run("get", "job-1");
    wire.resetRequests();

    CliRun.Result result = jobs.run("get", "job-1");

    assertThat(result.oneLineError(ExitCode.CREDENTIALS))
        .contains(FakeAws.ROLE)
        .contains("not authorized")
        .doesNotContain("\tat ");
    // The cached credentials were dropped and the role assumed again, once.
    assertThat(aws.assumeRoleCalls()).hasSize(1);
  }

  /** {@code GET /prod/jobs/job-1} answers {@code first} once, and then the record. */
  private void getAnswersOnceThenTheRecord(ResponseDefinitionBuilder first) {
    wire.stubFor(
        get("/prod/jobs/job-1")
            .inScenario("retry")
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("answered"));
    wire.stubFor(
        get("/prod/jobs/job-1")
            .inScenario("retry")
            .whenScenarioStateIs("answered")
            .willReturn(FakeAws.json(200, JobRecords.SUCCEEDED)));
  }

  @Test
  void get_503WithRetryAfter_waitsAsAskedAndRetries() {
    getAnswersOnceThenTheRecord(
        FakeAws.json(503, "{\"message\":\"busy\"}").withHeader("Retry-After", "3"));

    CliRun.Result result = jobs.run("get", "job-1");

    assertThat(result.exitCode()).isZero();
    assertThat(jobs.slept()).isEqualTo(Duration.ofSeconds(3));
    assertThat(wire.findAll(getRequestedFor(urlEqualTo("/prod/jobs/job-1")))).hasSize(2);
  }

  @Test
  void get_throttled_isRetriedWithBackoff() {
    getAnswersOnceThenTheRecord(FakeAws.json(429, "{\"message\":\"Too Many Requests\"}"));

    CliRun.Result result = jobs.run("get", "job-1");

    assertThat(result.exitCode()).isZero();
    assertThat(jobs.slept()).isPositive();
  }

  @Test
  void get_500Persisting_exits1AfterFourAttempts() {
    wire.stubFor(
        get("/prod/jobs/job-1")
            .willReturn(FakeAws.json(500, "{\"message\":\"Internal server error\"}")));

    CliRun.Result result = jobs.run("get", "job-1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.err())
        .isEqualTo(
            "jobs: the jobs API answered GET /jobs/{id} with 500 after 4 attempts:"
                + " Internal server error\n");
    assertThat(wire.findAll(getRequestedFor(urlEqualTo("/prod/jobs/job-1")))).hasSize(4);
  }

  @Test
  void submit_500_isRetried_withTheSameIdAndBytes_becauseAPutRunsTheJobOnce() {
    wire.stubFor(put("/prod/jobs/job-1").willReturn(FakeAws.json(500, "{\"message\":\"oops\"}")));

    CliRun.Result result = jobs.run("submit", "--seconds", "5", "--id", "job-1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    List<LoggedRequest> puts = wire.findAll(putRequestedFor(urlEqualTo("/prod/jobs/job-1")));
    assertThat(puts).hasSize(4);
    assertThat(puts).extracting(LoggedRequest::getBodyAsString).containsOnly("{\"seconds\":5}");
  }

  /**
   * A 429 (the stage's throttle, or the web ACL's rate rule) comes before the integration: the API
   * cannot have taken the re-drive, so it is repeated, where a 500 is not.
   */
  @Test
  void redrive_throttled_isRetriedWithBackoff_becauseTheApiCannotHaveTakenIt() {
    wire.stubFor(
        post("/prod/jobs/job-1/retry")
            .inScenario("throttle")
            .whenScenarioStateIs(STARTED)
            .willReturn(FakeAws.json(429, "{\"message\":\"Too Many Requests\"}"))
            .willSetStateTo("ok"));
    wire.stubFor(
        post("/prod/jobs/job-1/retry")
            .inScenario("throttle")
            .whenScenarioStateIs("ok")
            .willReturn(
                FakeAws.json(
                    202,
                    "{\"id\":\"job-1\",\"status\":\"QUEUED\",\"type\":\"sleep\","
                        + "\"parameters\":{\"seconds\":5},\"attempts\":1,"
                        + "\"queuedAt\":\"2026-11-29T11:00:00Z\"}")));

    CliRun.Result result = jobs.run("redrive", "job-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(jobs.slept()).isPositive();
    assertThat(wire.findAll(postRequestedFor(urlEqualTo("/prod/jobs/job-1/retry")))).hasSize(2);
  }

  @Test
  void redrive_500_isNotRetried_becauseTheJobMayHaveBeenQueued() {
    wire.stubFor(
        post("/prod/jobs/job-1/retry").willReturn(FakeAws.json(500, "{\"message\":\"oops\"}")));

    CliRun.Result result = jobs.run("redrive", "job-1");

    assertThat(result.exitCode()).isNotZero();
    assertThat(wire.findAll(postRequestedFor(urlEqualTo("/prod/jobs/job-1/retry")))).hasSize(1);
  }

  @Test
  void submit_rejectedBody_exits2WithTheApiMessage() {
    wire.stubFor(
        put(urlPathMatching("/prod/jobs/[^/]+"))
            .willReturn(FakeAws.json(400, "{\"message\":\"Invalid request body\"}")));

    CliRun.Result result = jobs.run("submit", "--type", "resize", "--param", "width=10");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err())
        .isEqualTo("jobs: the jobs API rejected the job: Invalid request body\n");
    LoggedRequest request =
        wire.findAll(putRequestedFor(urlPathMatching("/prod/jobs/[^/]+"))).get(0);
    assertThat(request.getBodyAsString()).isEqualTo("{\"type\":\"resize\",\"width\":10}");
  }

  @Test
  void submit_badSeconds_exits2AndSendsNothing() {
    assertThat(usageErrorBeforeAnyCall("submit", "--seconds", "0"))
        .isEqualTo("jobs: --seconds must be between 1 and 900\n");
  }

  @Test
  void submit_sleepWithoutSeconds_exits2() {
    CliRun.Result result = jobs.run("submit");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("--seconds");
  }

  /** {@code jobs get job-1 --debug}, which succeeds: its stderr is the exchange. */
  private CliRun.Result getWithDebug() {
    wire.stubFor(get("/prod/jobs/job-1").willReturn(FakeAws.json(200, JobRecords.SUCCEEDED)));
    CliRun.Result result = jobs.run("get", "job-1", "--debug");
    assertThat(result.exitCode()).as(result.err()).isZero();
    return result;
  }

  @Test
  void debug_logsTheExchange_withAuthorizationTokensAndSecretsRedacted() {
    CliRun.Result result = getWithDebug();

    assertThat(result.err())
        .contains("> GET " + aws.apiUrl() + "/jobs/job-1")
        .contains("Authorization: <redacted>")
        .contains("X-Amz-Security-Token: <redacted>")
        .contains("< 200")
        .doesNotContain(FakeAws.ASSUMED_TOKEN)
        .doesNotContain(FakeAws.ASSUMED_SECRET)
        .doesNotContain("Signature=");
  }

  @Test
  void debug_namesEachAwsAction_andShowsTheResponseBodies_withSecretsRedacted() {
    CliRun.Result result = getWithDebug();

    assertThat(result.err())
        .contains("* sts:AssumeRole")
        .contains("<AccessKeyId>" + FakeAws.ASSUMED_KEY + "</AccessKeyId>")
        .contains("<SecretAccessKey><redacted></SecretAccessKey>")
        .contains("<SessionToken><redacted></SessionToken>")
        .contains("* execute-api:Invoke GET /prod/jobs/job-1")
        .contains("< " + JobRecords.SUCCEEDED)
        .doesNotContain(FakeAws.ASSUMED_TOKEN)
        .doesNotContain(FakeAws.ASSUMED_SECRET);
  }

  @Test
  void unreachableApi_exits1WithOneLine() {
    CliRun.Result result = jobs.run("get", "job-1", "--api-url", "http://127.0.0.1:1/prod");

    assertThat(result.oneLineError(ExitCode.ERROR))
        .startsWith("jobs: cannot reach the jobs API at http://127.0.0.1:1/prod");
  }

  @Test
  void badJobId_exits2WithoutACall() {
    CliRun.Result result = jobs.run("get", "../etc");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(
            wire.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
        .isEmpty();
  }
}
