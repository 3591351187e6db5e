package dev.jobs.cli.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.jobs.cli.deploy.CloudFormationXml.error;
import static dev.jobs.cli.deploy.CloudFormationXml.output;
import static dev.jobs.cli.deploy.CloudFormationXml.stack;
import static dev.jobs.cli.deploy.DeployStubs.BUCKET;
import static dev.jobs.cli.deploy.DeployStubs.cfn;
import static dev.jobs.cli.deploy.DeployStubs.notFound;
import static dev.jobs.cli.deploy.DeployStubs.stubCreateFlow;
import static dev.jobs.cli.deploy.DeployStubs.stubDestroyFlow;
import static dev.jobs.cli.deploy.DeployStubs.stubDiscardedCreateFlow;
import static dev.jobs.cli.deploy.DeployStubs.stubS3;
import static dev.jobs.cli.deploy.DeployStubs.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code jobs deploy} and {@code jobs destroy} as a user runs them, against WireMock. */
class DeployCommandTest {
  private static final String API_URL = "https://abc.execute-api.us-east-1.amazonaws.com/prod/";

  @RegisterExtension static WireMockExtension aws = FakeAws.server();

  @TempDir Path home;
  @TempDir Path assembly;
  CliRun jobs;

  @BeforeEach
  void setUp() throws Exception {
    StackDeployerTest.writeAssembly(assembly);
    Files.writeString(
        assembly.resolve("jobs.template.json"),
        "{\"Parameters\": {\"ProcessingTimeoutSeconds\": {\"Type\": \"Number\"},"
            + " \"WafEnabled\": {\"Type\": \"String\"}}, \"Resources\": {}}");
    Path credentials =
        Files.writeString(
            home.resolve("credentials"),
            "[dev]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n");
    jobs =
        new CliRun(home)
            .env("AWS_PROFILE", "dev")
            .env("AWS_CONFIG_FILE", home.resolve("no-config").toString())
            .env("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
    DeployStubs.stubCallerIdentity(aws);
  }

  private CliRun.Result jobs(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--region", "us-east-1", "--endpoint-url", aws.baseUrl(), "--assembly", "" + assembly));
    return jobs.run(all.toArray(String[]::new));
  }

  @Test
  void deploy_createsTheStack_writesTheOutputs_andLeavesACurrentTarget() throws Exception {
    stubS3(aws, false);
    stubCreateFlow(aws, "CREATE_COMPLETE");
    Path outputs = home.resolve("out/outputs.json");

    CliRun.Result deployed =
        jobs(
            "deploy",
            "--parameters",
            "ProcessingTimeoutSeconds=600",
            "--require-approval",
            "never",
            "--outputs-file",
            outputs.toString());

    assertThat(deployed.exitCode()).as(deployed.err()).isZero();
    assertThat(deployed.out())
        .contains("creating stack jobs: 2 changes", "stack jobs CREATE_COMPLETE")
        .contains("ApiUrl = " + API_URL)
        .contains("target jobs is ready and current");
    assertThat(Files.readString(outputs)).contains("\"jobs\"", "\"ApiUrl\" : \"" + API_URL + "\"");
    aws.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(containing("Action=CreateChangeSet"))
            .withRequestBody(containing("ParameterKey=ProcessingTimeoutSeconds"))
            .withRequestBody(containing("ParameterValue=600")));
    CliRun.Result target = jobs.run("target", "show");
    assertThat(target.out()).contains("jobs").contains(API_URL).contains("us-east-1");
  }

  @Test
  void deploy_ofAStackWithoutAnApiUrlOutput_addsNoTarget_andFails() throws Exception {
    stubS3(aws, false);
    stubCreateFlow(aws, "CREATE_COMPLETE");
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("deploy")
            .whenScenarioStateIs("executed")
            .willReturn(xml(stack("CREATE_COMPLETE", output("TableName", "jobs-table")))));

    CliRun.Result deployed = jobs("deploy", "--require-approval", "never");

    assertThat(deployed.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(deployed.out()).contains("stack jobs CREATE_COMPLETE").doesNotContain("target");
    assertThat(deployed.err())
        .isEqualTo(
            "jobs: stack jobs is deployed, but it has no ApiUrl output, so no target was added;"
                + " is it a jobs stack? outputs: [TableName]\n");
    assertThat(home.resolve(".jobs/config.json")).doesNotExist();
  }

  /** Deploys refused for their flags: a usage error that says why, before any AWS call. */
  static Stream<Arguments> refusedDeploys() {
    return Stream.of(
        Arguments.of(
            List.of("--parameters", "Timeout=600"),
            "jobs: unknown stack parameter 'Timeout'; the stack takes ProcessingTimeoutSeconds,"
                + " WafEnabled\n"),
        Arguments.of(
            List.of("--parameters", "ProcessingTimeoutSeconds=901"),
            "jobs: stack parameter ProcessingTimeoutSeconds must be a whole number, 1 to 900,"
                + " not '901'\n"),
        Arguments.of(
            List.of("--parameters", "WafEnabled=yes"),
            "jobs: stack parameter WafEnabled must be one of false, true, not 'yes'\n"),
        Arguments.of(
            List.of("--require-approval", "sometimes"),
            "jobs: Invalid value for option '--require-approval': must be never, any-change or"
                + " broadening, not 'sometimes' (see: jobs deploy --help)\n"));
  }

  @ParameterizedTest(name = "deploy {0}")
  @MethodSource("refusedDeploys")
  void deploy_withABadFlagValue_isAUsageErrorSayingWhy_andCallsNoAws(
      List<String> flags, String message) {
    List<String> args = new ArrayList<>(List.of("deploy"));
    args.addAll(flags);
    CliRun.Result refused = jobs(args.toArray(String[]::new));

    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).isEqualTo(message);
    assertThat(aws.getAllServeEvents()).isEmpty();
  }

  /** The stack's template with the reserved-concurrency parameter, as the real one has it. */
  private void withReservedConcurrencyParameter() throws Exception {
    Files.writeString(
        assembly.resolve("jobs.template.json"),
        "{\"Parameters\": {\"ProcessingTimeoutSeconds\": {\"Type\": \"Number\"},"
            + " \"ProcessingReservedConcurrency\": {\"Type\": \"Number\"}}, \"Resources\": {}}");
  }

  private static void accountConcurrency(int limit) {
    aws.stubFor(
        get(urlEqualTo(ACCOUNT_SETTINGS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"AccountLimit\": {\"ConcurrentExecutions\": "
                            + limit
                            + ", \"UnreservedConcurrentExecutions\": "
                            + limit
                            + ", \"CodeSizeUnzipped\": 262144000, \"CodeSizeZipped\": 52428800,"
                            + " \"TotalCodeSize\": 80530636800}, \"AccountUsage\":"
                            + " {\"FunctionCount\": 0, \"TotalCodeSize\": 0}}")));
  }

  private static final String ACCOUNT_SETTINGS = "/2016-08-19/account-settings";

  @Test
  void deploy_askingForMoreConcurrencyThanTheAccountHas_isOneLine_andDeploysNothing()
      throws Exception {
    withReservedConcurrencyParameter();
    accountConcurrency(10);

    CliRun.Result refused =
        jobs(
            "deploy",
            "--require-approval",
            "never",
            "--parameters",
            "ProcessingReservedConcurrency=5");

    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err())
        .isEqualTo(
            "jobs: ProcessingReservedConcurrency=5 cannot be reserved: the account's Lambda"
                + " concurrency limit in us-east-1 is 10 and 100 of it stays unreserved, so at"
                + " most 0; ask for less, 0 for no reservation, or ask AWS to raise the limit\n");
    assertThat(aws.getAllServeEvents())
        .extracting(event -> event.getRequest().getUrl())
        .containsOnly(ACCOUNT_SETTINGS);
    assertThat(home.resolve(".jobs/config.json")).doesNotExist();
  }

  @Test
  void deploy_askingForConcurrencyTheAccountCanGive_deploysWithIt() throws Exception {
    withReservedConcurrencyParameter();
    accountConcurrency(1000);
    stubS3(aws, false);
    stubCreateFlow(aws, "CREATE_COMPLETE");

    CliRun.Result deployed =
        jobs(
            "deploy",
            "--require-approval",
            "never",
            "--parameters",
            "ProcessingReservedConcurrency=900");

    assertThat(deployed.exitCode()).as(deployed.err()).isZero();
    aws.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(containing("Action=CreateChangeSet"))
            .withRequestBody(containing("ParameterValue=900")));
  }

  @Test
  void deploy_withoutAReservation_doesNotAskLambda() throws Exception {
    withReservedConcurrencyParameter();
    stubS3(aws, false);
    stubCreateFlow(aws, "CREATE_COMPLETE");

    CliRun.Result deployed = jobs("deploy", "--require-approval", "never");

    assertThat(deployed.exitCode()).as(deployed.err()).isZero();
    aws.verify(0, getRequestedFor(urlEqualTo(ACCOUNT_SETTINGS)));
  }

  @Test
  void deploy_dryRun_addsNoTarget() {
    stubS3(aws, true);
    stubDiscardedCreateFlow(aws);

    CliRun.Result dry = jobs("deploy", "--dry-run");

    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("dry run: change set deleted, nothing deployed");
    assertThat(home.resolve(".jobs/config.json")).doesNotExist();
  }

  @Test
  void deploy_dryRunJson_isOneDocumentOnStdout_withTheChanges_progressOnStderr() {
    stubS3(aws, true);
    stubDiscardedCreateFlow(aws);

    CliRun.Result dry = jobs("deploy", "--dry-run", "--output", "json");

    assertThat(dry.exitCode()).as(dry.err()).isZero();
    var answer = Json.parse(dry.out()).asObject();
    assertThat(answer.get("result").asString()).isEqualTo("DRY_RUN");
    assertThat(answer.get("stackName").asString()).isEqualTo("jobs");
    assertThat(answer.get("region").asString()).isEqualTo("us-east-1");
    assertThat(answer.get("changes").asArray()).hasSize(2);
    assertThat(answer.get("changes").asArray().get(0).asObject())
        .containsKeys("action", "logicalId");
    assertThat(dry.err()).contains("dry run: change set deleted, nothing deployed");
  }

  @Test
  void deploy_whenTheCallerCannotBeIdentified_namesTheDeniedAction() {
    aws.stubFor(
        cfn("GetCallerIdentity")
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(error("AccessDenied", "not allowed"))));

    CliRun.Result denied = jobs("deploy");

    assertThat(denied.oneLineError(ExitCode.CREDENTIALS))
        .contains("permission denied: sts:GetCallerIdentity");
  }

  @Test
  void deploy_whenTheServiceErrorHasNoCode_showsTheStatusAndTheServiceMessage() {
    stubS3(aws, false);
    aws.stubFor(
        cfn("DescribeStacks")
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<ErrorResponse><Error><Message>the emulator broke</Message></Error>"
                            + "</ErrorResponse>")));

    CliRun.Result failed = jobs("deploy", "--require-approval", "never");

    assertThat(failed.oneLineError(ExitCode.ERROR))
        .contains("the emulator broke")
        .doesNotContain("Exception");
  }

  @Test
  void destroy_withoutATerminal_needsYes_andDeletesNothing() {
    CliRun.Result refused = jobs("destroy");

    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("pass --yes");
    aws.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("DeleteStack")));
  }

  @Test
  void destroy_deletesTheStack_removesItsTarget_andTheAssetBucket() throws Exception {
    stubS3(aws, false);
    stubCreateFlow(aws, "CREATE_COMPLETE");
    assertThat(jobs("deploy", "--require-approval", "never").exitCode()).isZero();
    aws.resetAll();
    setUp();
    stubDestroyFlow(aws);
    aws.stubFor(head(urlEqualTo("/" + BUCKET)).willReturn(aResponse().withStatus(404)));

    CliRun.Result destroyed = jobs("destroy", "--yes");

    assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
    assertThat(destroyed.out()).contains("stack jobs deleted", "removed target jobs");
    assertThat(Files.readString(home.resolve(".jobs/config.json"))).doesNotContain(API_URL);
    aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DeleteStack")));
    aws.verify(0, deleteRequestedFor(urlEqualTo("/" + BUCKET)));
  }

  @Test
  void destroy_ofAMissingStack_saysSo_andSucceeds() {
    aws.stubFor(cfn("DescribeStacks").willReturn(notFound()));

    CliRun.Result destroyed = jobs("destroy", "--yes", "--keep-assets");

    assertThat(destroyed.exitCode()).isZero();
    assertThat(destroyed.out()).isEqualTo("stack jobs does not exist\n");
  }

  @Test
  void destroy_json_isOneDocumentOnStdout() {
    aws.stubFor(cfn("DescribeStacks").willReturn(notFound()));

    CliRun.Result destroyed = jobs("destroy", "--yes", "--keep-assets", "--output", "json");

    assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
    var answer = Json.parse(destroyed.out()).asObject();
    assertThat(answer.get("stackName").asString()).isEqualTo("jobs");
    assertThat(answer.get("region").asString()).isEqualTo("us-east-1");
    assertThat(answer.get("targetRemoved").asBoolean()).isFalse();
    assertThat(answer.get("assetsDeleted").asBoolean()).isFalse();
    assertThat(destroyed.err()).contains("stack jobs does not exist");
  }

  @Test
  void destroy_quiet_printsOnlyTheStackName() {
    aws.stubFor(cfn("DescribeStacks").willReturn(notFound()));

    CliRun.Result destroyed = jobs("destroy", "--yes", "--keep-assets", "-q");

    assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
    assertThat(destroyed.out()).isEqualTo("jobs\n");
  }
}
