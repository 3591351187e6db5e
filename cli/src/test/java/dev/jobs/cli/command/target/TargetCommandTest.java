package dev.jobs.cli.command.target;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.JobRecords;
import dev.jobs.cli.testing.OnFakeAws;
import dev.jobs.cli.testing.SigV4;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Targets: CloudFormation DescribeStacks against WireMock, the targets file, and precedence. */
class TargetCommandTest extends OnFakeAws {
  @BeforeEach
  void profile() throws Exception {
    jobs.devProfile();
  }

  /** {@link #addProd} while CloudFormation answers every DescribeStacks with {@code answer}. */
  CliRun.Result addProdWhileDescribeStacksAnswers(ResponseDefinitionBuilder answer) {
    wire.stubFor(FakeAws.cloudFormation("DescribeStacks").willReturn(answer));
    return addProd();
  }

  CliRun.Result addProd() {
    return aws.addProd(jobs);
  }

  @Test
  void add_readsTheStackOutputs_storesThem_andMakesTheFirstTargetCurrent() throws Exception {
    aws.stackOutputs("jobs-prod");

    CliRun.Result added = addProd();

    assertThat(added.exitCode()).isZero();
    assertThat(added.out()).contains("added target prod").contains("current target");
    String file = Files.readString(home.resolve(".jobs/config.json"));
    assertThat(file).contains("\"apiUrl\" : \"" + aws.apiUrl() + "\"").contains(FakeAws.RULE);
    CliRun.Result shown = jobs.run("target", "show", "prod");
    assertThat(shown.out())
        .contains("api url      " + aws.apiUrl())
        .contains("region       eu-west-1");
    assertThat(jobs.run("target", "list").out()).contains("* prod").contains("  local");
  }

  @Test
  void configFile_isWhereJobsConfigSays() {
    aws.stackOutputs("jobs-prod");
    Path elsewhere = home.resolve("elsewhere/targets.json");
    jobs.env("JOBS_CONFIG", elsewhere.toString());

    addProd();

    assertThat(elsewhere).exists();
    assertThat(home.resolve(".jobs/config.json")).doesNotExist();
  }

  @Test
  void useAndRemove_changeTheCurrentTarget() {
    aws.stackOutputs("jobs-prod");
    addProd();

    assertThat(jobs.run("target", "use", "local").exitCode()).isZero();
    assertThat(jobs.run("target", "list").out()).contains("* local").contains("  prod");
    assertThat(jobs.run("target", "use", "nope").exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(jobs.run("target", "remove", "prod").exitCode()).isZero();
    assertThat(jobs.run("target", "show", "prod").exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(jobs.run("target", "remove", "local").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void quiet_printsOnlyTheNames() {
    aws.stackOutputs("jobs-prod");
    addProd();

    assertThat(jobs.run("target", "list", "-q").out()).isEqualTo("local\nprod\n");
    assertThat(jobs.run("target", "show", "-q").out()).isEqualTo("prod\n");
    assertThat(jobs.run("target", "use", "local", "-q").out()).isEqualTo("local\n");
    assertThat(jobs.run("target", "remove", "prod", "-q").out()).isEqualTo("prod\n");
  }

  @Test
  void useAndRemove_json_isOneDocument() {
    aws.stackOutputs("jobs-prod");
    addProd();

    CliRun.Result used = jobs.run("target", "use", "local", "--output", "json");
    CliRun.Result removed = jobs.run("target", "remove", "prod", "--output", "json");

    assertThat(Json.parse(used.out()).asObject().get("current").asString()).isEqualTo("local");
    assertThat(Json.parse(removed.out()).asObject().get("removed").asString()).isEqualTo("prod");
  }

  @Test
  void add_missingStack_exits6() {
    CliRun.Result result =
        addProdWhileDescribeStacksAnswers(
            FakeAws.queryError(400, "ValidationError", "Stack with id jobs-prod does not exist"));

    assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(result.err())
        .isEqualTo("jobs: stack jobs-prod does not exist (region eu-west-1 from --region)\n");
    assertThat(home.resolve(".jobs/config.json")).doesNotExist();
  }

  @Test
  void add_accessDenied_exits5_namingTheProfile() {
    CliRun.Result result =
        addProdWhileDescribeStacksAnswers(
            FakeAws.queryError(
                403, "AccessDenied", "User is not authorized to perform DescribeStacks"));

    assertThat(result.oneLineError(ExitCode.CREDENTIALS))
        .contains("AccessDenied")
        .contains("profile 'dev'");
  }

  @Test
  void add_throttled_isRetried() {
    aws.stackOutputs("jobs-prod");
    wire.stubFor(
        FakeAws.cloudFormation("DescribeStacks")
            .inScenario("t")
            .whenScenarioStateIs(STARTED)
            .willReturn(FakeAws.queryError(400, "Throttling", "Rate exceeded"))
            .willSetStateTo("ok"));

    CliRun.Result result = addProd();

    assertThat(result.exitCode()).isZero();
    assertThat(
            wire.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(anyUrl())))
        .hasSize(2);
  }

  @Test
  void add_serverErrorPersisting_exits1() {
    CliRun.Result result =
        addProdWhileDescribeStacksAnswers(
            FakeAws.queryError(500, "InternalFailure", "Internal failure"));

    assertThat(result.oneLineError(ExitCode.ERROR)).contains("InternalFailure");
  }

  @Test
  void add_malformedAnswer_exits1() {
    CliRun.Result result =
        addProdWhileDescribeStacksAnswers(FakeAws.xml(200, "<DescribeStacksResponse><Describe"));

    assertThat(result.oneLineError(ExitCode.ERROR))
        .startsWith("jobs: DescribeStacks jobs-prod failed");
  }

  @Test
  void add_local_isRefusedBecauseItIsBuiltIn() {
    usageErrorBeforeAnyCall("target", "add", "local", "--stack-name", "x", "--region", "us-east-1");
  }

  /** Registers prod, whose outputs name API path /target; the role is assumed at WireMock. */
  void prodWithApis() {
    aws.stackOutputs("jobs-prod");
    addProd();
    aws.assumeRole(jobs.now().plus(Duration.ofHours(1)));
    for (String api : new String[] {"prod", "env", "flag"}) {
      wire.stubFor(
          get("/" + api + "/jobs/job-1").willReturn(FakeAws.json(200, JobRecords.SUCCEEDED)));
    }
  }

  LoggedRequest onlyApiCall() {
    var calls = wire.findAll(getRequestedFor(urlPathMatching("/.*/jobs/job-1")));
    assertThat(calls).hasSize(1);
    return calls.get(0);
  }

  /** The API URL and region of prod's stack overridden by the environment ({@code /env}). */
  void apiInTheEnvironment() {
    jobs.env("JOBS_API_URL", aws.endpoint() + "/env").env("AWS_REGION", "ap-south-1");
  }

  /**
   * {@code jobs get job-1} with these flags succeeds, and its one API call went to {@code api}'s
   * URL, signed for {@code region}.
   */
  void assertGetCallsOnly(String api, String region, String... flags) {
    List<String> args = new ArrayList<>(List.of("get", "job-1"));
    args.addAll(List.of(flags));

    assertThat(jobs.run(args.toArray(String[]::new)).exitCode()).isZero();

    LoggedRequest call = onlyApiCall();
    assertThat(call.getUrl()).isEqualTo("/" + api + "/jobs/job-1");
    assertThat(SigV4.parse(call.getHeader("Authorization")).region()).isEqualTo(region);
  }

  @Test
  void apiUrlAndRegion_comeFromTheTarget_whenNothingElseSays() {
    prodWithApis();

    assertGetCallsOnly("prod", "eu-west-1");
  }

  @Test
  void environment_overridesTheTarget() {
    prodWithApis();
    apiInTheEnvironment();

    assertGetCallsOnly("env", "ap-south-1");
  }

  @Test
  void flags_overrideTheEnvironment() {
    prodWithApis();
    apiInTheEnvironment();

    assertGetCallsOnly(
        "flag", "sa-east-1", "--api-url", aws.endpoint() + "/flag", "--region", "sa-east-1");
  }

  @Test
  void jobsTarget_selectsATarget_andTheFlagWinsOverIt() throws Exception {
    prodWithApis();
    jobs.run("target", "use", "local");
    jobs.env("JOBS_TARGET", "prod");

    assertThat(jobs.run("get", "job-1").exitCode()).isZero();
    CliRun.Result flagged = jobs.run("get", "job-1", "--target", "local");

    assertThat(onlyApiCall().getUrl()).isEqualTo("/prod/jobs/job-1");
    assertThat(flagged.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(flagged.err())
        .contains("the local runtime is not running")
        .contains("jobs local start");
  }

  @Test
  void unknownTarget_exits2() {
    CliRun.Result result = jobs.run("get", "job-1", "--target", "staging");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("unknown target 'staging'").contains("jobs target add");
  }

  @Test
  void brokenTargetsFile_exits1WithOneLine() throws Exception {
    Files.createDirectories(home.resolve(".jobs"));
    Files.writeString(home.resolve(".jobs/config.json"), "{not json");

    CliRun.Result result = jobs.run("target", "list");

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.err()).contains("is not valid JSON; fix it or remove it");
  }

  @Test
  void localTarget_readsRuntimeJson_andCachesTheOutputsForTheRuntimeProcess() throws Exception {
    aws.localRuntime(home);
    aws.stackOutputs("jobs-local");
    aws.assumeRole(jobs.now().plus(Duration.ofHours(1)));
    wire.stubFor(get("/prod/jobs/job-1").willReturn(FakeAws.json(200, JobRecords.SUCCEEDED)));

    assertThat(jobs.run("get", "job-1").exitCode()).isZero();
    assertThat(jobs.run("get", "job-1").exitCode()).isZero();

    var describes =
        wire.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(anyUrl())
                .withRequestBody(
                    com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "Action=DescribeStacks")));
    assertThat(describes).hasSize(1);
    assertThat(SigV4.parse(describes.get(0).getHeader("Authorization")).accessKey())
        .isEqualTo("test");
  }

  @Test
  void brokenRuntimeJson_exits1WithOneLineNamingTheFile() throws Exception {
    Path dir = home.resolve(".jobs/local");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("runtime.json"), "{not json");

    CliRun.Result result = jobs.run("get", "job-1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.err())
        .isEqualTo("jobs: " + dir.resolve("runtime.json") + " is not valid JSON\n");
  }

  @Test
  void localDataDir_isWhereJobsLocalDirSays() throws Exception {
    Path other = home.resolve("other");
    Files.createDirectories(other);
    jobs.env("JOBS_LOCAL_DIR", other.toString());

    CliRun.Result result = jobs.run("target", "show", "local");

    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.err()).contains(other.resolve("runtime.json").toString());
  }
}
