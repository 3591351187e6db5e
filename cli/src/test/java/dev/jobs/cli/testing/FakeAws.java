package dev.jobs.cli.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.jobs.cli.startup.LoopbackStack.output;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.jobs.local.RuntimeFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS answers a stack gives, in each service's wire format: STS and CloudFormation (query
 * protocol, XML), EventBridge (JSON 1.1). Stubbed on one WireMock server that also plays the API.
 */
public final class FakeAws {
  public static final String ROLE = "arn:aws:iam::000000000000:role/JobsAPIInvokeRole";
  public static final String BUS = "arn:aws:events:us-east-1:000000000000:event-bus/jobs-failed";
  public static final String ARCHIVE = "jobs-failed-archive";
  public static final String ARCHIVE_ARN =
      "arn:aws:events:us-east-1:000000000000:archive/jobs-failed-archive";
  public static final String RULE =
      "arn:aws:events:us-east-1:000000000000:rule/jobs-failed/jobs-replay";
  public static final String ASSUMED_KEY = "ASIAASSUMEDKEY";
  public static final String ASSUMED_SECRET = "assumed-secret-value";
  public static final String ASSUMED_TOKEN = "assumed-session-token";

  private final WireMockExtension wire;

  public FakeAws(WireMockExtension wire) {
    this.wire = wire;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + wire.getPort();
  }

  public String apiUrl() {
    return endpoint() + "/prod";
  }

  /** A WireMock server on a free loopback port, reset after each test. */
  public static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1"))
        .build();
  }

  /**
   * The built-in local target on this server, as most tests need it: a running runtime, its stack's
   * outputs, and the invoke role that STS grants for an hour.
   */
  public CliRun localTarget(Path home) {
    return localTarget(home, Duration.ofHours(1));
  }

  /** The same, with the role granted for this long (a long wait outlives an hour). */
  public CliRun localTarget(Path home, Duration role) {
    localRuntime(home);
    stackOutputs("jobs-local");
    CliRun jobs = new CliRun(home);
    assumeRole(jobs.now().plus(role));
    return jobs;
  }

  /** The target's failed-jobs archive, as EventBridge DescribeArchive describes it. */
  public void archive() {
    wire.stubFor(
        events("DescribeArchive")
            .willReturn(
                json11(
                    "{\"ArchiveArn\":\""
                        + ARCHIVE_ARN
                        + "\",\"ArchiveName\":\""
                        + ARCHIVE
                        + "\",\"EventSourceArn\":\""
                        + BUS
                        + "\",\"State\":\"ENABLED\",\"EventCount\":7}")));
  }

  /**
   * {@code jobs target add prod} for the stack {@code jobs-prod} in eu-west-1 on this server, with
   * the profile {@code dev} ({@link CliRun#devProfile()}).
   */
  public CliRun.Result addProd(CliRun jobs, String... more) {
    List<String> args = new ArrayList<>(List.of(addProdArgs()));
    args.addAll(List.of("--endpoint-url", endpoint()));
    args.addAll(List.of(more));
    return jobs.run(args.toArray(String[]::new));
  }

  /** {@link #addProd}'s command line short of the endpoint, for tests that serve AWS otherwise. */
  public static String[] addProdArgs() {
    return new String[] {
      "target",
      "add",
      "prod",
      "--stack-name",
      "jobs-prod",
      "--region",
      "eu-west-1",
      "--profile",
      "dev"
    };
  }

  /** Writes {@code runtime.json} as the local runtime would, pointing at this server. */
  public void localRuntime(Path home) {
    RuntimeFile.standIn(endpoint()).write(home.resolve(".jobs/local"));
  }

  /** The AssumeRole calls the server received. */
  public java.util.List<com.github.tomakehurst.wiremock.verification.LoggedRequest>
      assumeRoleCalls() {
    return wire.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/"))
            .withRequestBody(containing("Action=AssumeRole")));
  }

  public static MappingBuilder sts(String action) {
    return post("/").withRequestBody(containing("Action=" + action));
  }

  public static MappingBuilder cloudFormation(String action) {
    return post("/").withRequestBody(containing("Action=" + action));
  }

  public static MappingBuilder events(String action) {
    return post("/").withHeader("X-Amz-Target", equalTo("AWSEvents." + action));
  }

  public void stackOutputs(String stack) {
    wire.stubFor(
        cloudFormation("DescribeStacks")
            .willReturn(
                xml(
                    200,
                    "<DescribeStacksResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                        + "<DescribeStacksResult><Stacks><member><StackName>"
                        + stack
                        + "</StackName><StackId>arn:aws:cloudformation:us-east-1:000000000000:stack/"
                        + stack
                        + "/1</StackId><CreationTime>2026-01-01T00:00:00Z</CreationTime>"
                        + "<StackStatus>CREATE_COMPLETE</StackStatus><Outputs>"
                        + output("ApiUrl", apiUrl())
                        + output("InvokeRoleArn", ROLE)
                        + output("EventBusArn", BUS)
                        + output("ArchiveName", ARCHIVE)
                        + output("ReplayRuleArn", RULE)
                        + output("TableName", "jobs")
                        + output(
                            "DashboardUrl",
                            "https://us-east-1.console.aws.amazon.com/cloudwatch/home"
                                + "?region=us-east-1#dashboards:name="
                                + stack)
                        + output("AlarmNamePrefix", stack + ".")
                        + output("ProcessingLogGroupName", processingLogGroup(stack))
                        + output("FailedJobsLogGroupName", failedJobsLogGroup(stack))
                        + "</Outputs></member></Stacks></DescribeStacksResult>"
                        + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
                        + "</DescribeStacksResponse>")));
  }

  /** The processing function's log group, as the stack names it. */
  public static String processingLogGroup(String stack) {
    return "/aws/lambda/" + stack + "-ProcessJob";
  }

  /** The error handler's log group, as the stack names it. */
  public static String failedJobsLogGroup(String stack) {
    return "/aws/lambda/" + stack + "-FailedJob";
  }

  /** A CloudWatch Logs call (JSON 1.1). */
  public static MappingBuilder logs(String action) {
    return post("/").withHeader("X-Amz-Target", equalTo("Logs_20140328." + action));
  }

  public void assumeRole(Instant expiration) {
    wire.stubFor(sts("AssumeRole").willReturn(xml(200, assumeRoleBody(expiration))));
  }

  public static String assumeRoleBody(Instant expiration) {
    return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
        + "<AssumeRoleResult><Credentials><AccessKeyId>"
        + ASSUMED_KEY
        + "</AccessKeyId><SecretAccessKey>"
        + ASSUMED_SECRET
        + "</SecretAccessKey><SessionToken>"
        + ASSUMED_TOKEN
        + "</SessionToken><Expiration>"
        + expiration
        + "</Expiration></Credentials><AssumedRoleUser><Arn>"
        + ROLE
        + "/jobs</Arn><AssumedRoleId>AROA:jobs</AssumedRoleId></AssumedRoleUser>"
        + "</AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
        + "</AssumeRoleResponse>";
  }

  /** A query-protocol error, as STS and CloudFormation send them. */
  public static ResponseDefinitionBuilder queryError(int status, String code, String message) {
    return xml(
        status,
        "<ErrorResponse><Error><Type>Sender</Type><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message></Error><RequestId>1</RequestId></ErrorResponse>");
  }

  /** A JSON 1.1 error, as EventBridge sends them. */
  public static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }

  public static ResponseDefinitionBuilder json11(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body);
  }

  public static ResponseDefinitionBuilder xml(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
  }

  /** The jobs API's answer for an id it has no record of. */
  public static ResponseDefinitionBuilder jobNotFound() {
    return json(404, "{\"message\":\"Job not found\"}");
  }

  /** {@code PUT /prod/jobs/ID} accepts a submit of {@code id}: 202 with the id. */
  public void acceptsSubmit(String id) {
    wire.stubFor(put("/prod/jobs/" + id).willReturn(json(202, "{\"id\":\"" + id + "\"}")));
  }

  /**
   * {@code GET /prod/jobs/ID} answers these records in turn, the last one from then on; a null
   * record is {@link #jobNotFound}, a job not recorded yet.
   */
  public void jobAnswers(String id, String... records) {
    for (int i = 0; i < records.length; i++) {
      String state = i == 0 ? STARTED : id + " " + i;
      wire.stubFor(
          get(urlEqualTo("/prod/jobs/" + id))
              .inScenario("job " + id)
              .whenScenarioStateIs(state)
              .willReturn(records[i] == null ? jobNotFound() : json(200, records[i]))
              .willSetStateTo(i == records.length - 1 ? state : id + " " + (i + 1)));
    }
  }

  public static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
