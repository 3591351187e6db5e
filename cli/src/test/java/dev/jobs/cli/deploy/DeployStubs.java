package dev.jobs.cli.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.jobs.cli.deploy.CloudFormationXml.changeSet;
import static dev.jobs.cli.deploy.CloudFormationXml.createChangeSet;
import static dev.jobs.cli.deploy.CloudFormationXml.empty;
import static dev.jobs.cli.deploy.CloudFormationXml.error;
import static dev.jobs.cli.deploy.CloudFormationXml.events;
import static dev.jobs.cli.deploy.CloudFormationXml.output;
import static dev.jobs.cli.deploy.CloudFormationXml.stack;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;

/** WireMock answers of S3, STS and CloudFormation for the deploy tests, on their XML protocols. */
public final class DeployStubs {
  static final String BUCKET = "jobs-assets-123456789012-us-east-1";
  static final String ASSET_KEY = "4f2a9c.jar";
  static final String TEMPLATE_KEY = "7b3e1d.json";

  private DeployStubs() {}

  /**
   * An assembly in {@code dir} and the answers a deploy gets before it reads the stack (the
   * caller's account, the asset bucket and objects already there): for tests of what follows.
   */
  public static void readyToDeploy(WireMockExtension aws, java.nio.file.Path dir) throws Exception {
    StackDeployerTest.writeAssembly(dir);
    stubCallerIdentity(aws);
    stubS3(aws, true);
  }

  /** STS's GetCallerIdentity: the user {@code dev} of account 123456789012. */
  static void stubCallerIdentity(WireMockExtension aws) {
    aws.stubFor(
        cfn("GetCallerIdentity")
            .willReturn(
                xml(
                    "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/dev</Arn>"
                        + "<UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>"
                        + "</GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId>"
                        + "</ResponseMetadata></GetCallerIdentityResponse>")));
  }

  /**
   * {@code jobs deploy} with no question asked, as profile {@code dev} in us-east-1, then {@code
   * more}.
   */
  public static String[] deployAsDev(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "deploy",
                "--require-approval",
                "never",
                "--profile",
                "dev",
                "--region",
                "us-east-1"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** The body of the first {@code action} call AWS received, as the SDK wrote it. */
  static String firstCallBody(WireMockExtension aws, String action) {
    return aws.findAll(
            postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action)))
        .get(0)
        .getBodyAsString();
  }

  /**
   * CreateChangeSet answered, and DescribeChangeSet with that change set as CloudFormation states
   * it.
   */
  static void stubChangeSet(
      WireMockExtension aws, String status, String reason, String... changes) {
    aws.stubFor(cfn("CreateChangeSet").willReturn(xml(createChangeSet())));
    aws.stubFor(cfn("DescribeChangeSet").willReturn(xml(changeSet(status, reason, changes))));
  }

  static void stubCreateFlow(WireMockExtension aws, String finalStatus, String... changes) {
    String[] all =
        changes.length > 0
            ? changes
            : new String[] {
              "Add JobsTable AWS::DynamoDB::Table", "Add ProcessFunction AWS::Lambda::Function"
            };
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("deploy")
            .whenScenarioStateIs(STARTED)
            .willReturn(notFound()));
    aws.stubFor(
        cfn("CreateChangeSet")
            .inScenario("deploy")
            .willSetStateTo("pending")
            .willReturn(xml(createChangeSet())));
    aws.stubFor(
        cfn("DescribeChangeSet")
            .inScenario("deploy")
            .whenScenarioStateIs("pending")
            .willSetStateTo("ready")
            .willReturn(xml(changeSet("CREATE_IN_PROGRESS", null))));
    aws.stubFor(
        cfn("DescribeChangeSet")
            .inScenario("deploy")
            .whenScenarioStateIs("ready")
            .willReturn(xml(changeSet("CREATE_COMPLETE", null, all))));
    aws.stubFor(
        cfn("ExecuteChangeSet")
            .inScenario("deploy")
            .willSetStateTo("executing")
            .willReturn(xml(empty("ExecuteChangeSet"))));
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("deploy")
            .whenScenarioStateIs("executing")
            .willSetStateTo("executed")
            .willReturn(xml(stack("CREATE_IN_PROGRESS", null))));
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("deploy")
            .whenScenarioStateIs("executed")
            .willReturn(
                xml(
                    stack(
                        finalStatus,
                        output(
                            "ApiUrl", "https://abc.execute-api.us-east-1.amazonaws.com/prod/")))));
    aws.stubFor(
        cfn("DescribeStackEvents")
            .inScenario("deploy")
            .whenScenarioStateIs("executed")
            .willReturn(
                xml(
                    events(
                        "12:00:11 jobs AWS::CloudFormation::Stack CREATE_COMPLETE",
                        "12:00:10 ProcessFunction AWS::Lambda::Function CREATE_COMPLETE",
                        "12:00:09 JobsTable AWS::DynamoDB::Table CREATE_COMPLETE",
                        "12:00:02 JobsTable AWS::DynamoDB::Table CREATE_IN_PROGRESS",
                        "12:00:01 jobs AWS::CloudFormation::Stack CREATE_IN_PROGRESS User Initiated",
                        "11:58:00 jobs AWS::CloudFormation::Stack REVIEW_IN_PROGRESS User Initiated"))));
  }

  /**
   * A new stack whose change set is discarded, not executed (a dry run): {@link #stubCreateFlow}'s
   * answers, and the change set and the stack under review deleted again.
   */
  static void stubDiscardedCreateFlow(WireMockExtension aws) {
    stubCreateFlow(aws, "CREATE_COMPLETE");
    aws.stubFor(cfn("DeleteChangeSet").willReturn(xml(empty("DeleteChangeSet"))));
    aws.stubFor(cfn("DeleteStack").willReturn(xml(empty("DeleteStack"))));
  }

  static void stubS3(WireMockExtension aws, boolean exists) {
    aws.stubFor(
        head(urlEqualTo("/" + BUCKET)).willReturn(aResponse().withStatus(exists ? 200 : 404)));
    aws.stubFor(put(urlEqualTo("/" + BUCKET)).willReturn(aResponse().withStatus(200)));
    aws.stubFor(
        put(urlEqualTo("/" + BUCKET + "?publicAccessBlock"))
            .willReturn(aResponse().withStatus(200)));
    aws.stubFor(
        put(urlEqualTo("/" + BUCKET + "?encryption")).willReturn(aResponse().withStatus(200)));
    for (String key : new String[] {ASSET_KEY, TEMPLATE_KEY}) {
      aws.stubFor(
          head(urlEqualTo("/" + BUCKET + "/" + key))
              .willReturn(aResponse().withStatus(exists ? 200 : 404)));
      aws.stubFor(
          put(urlEqualTo("/" + BUCKET + "/" + key))
              .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"abc\"")));
    }
  }

  static MappingBuilder cfn(String action) {
    return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
  }

  static ResponseDefinitionBuilder xml(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
  }

  static ResponseDefinitionBuilder notFound() {
    return aResponse()
        .withStatus(400)
        .withHeader("Content-Type", "text/xml")
        .withBody(error("ValidationError", "Stack with id jobs does not exist"));
  }

  /** A stack of one resource whose deletion completes. */
  static void stubDestroyFlow(WireMockExtension aws) {
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("destroy")
            .whenScenarioStateIs(STARTED)
            .willReturn(xml(stack("UPDATE_COMPLETE", null))));
    aws.stubFor(
        cfn("ListStackResources")
            .willReturn(
                xml(
                    CloudFormationXml.response(
                        "ListStackResources",
                        "<StackResourceSummaries><member><LogicalResourceId>JobsTable</LogicalResourceId><ResourceType>AWS::DynamoDB::Table</ResourceType><ResourceStatus>CREATE_COMPLETE</ResourceStatus><LastUpdatedTimestamp>2026-11-26T11:00:00Z</LastUpdatedTimestamp></member></StackResourceSummaries>"))));
    aws.stubFor(
        cfn("DeleteStack")
            .inScenario("destroy")
            .willSetStateTo("deleted")
            .willReturn(xml(empty("DeleteStack"))));
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("destroy")
            .whenScenarioStateIs("deleted")
            .willReturn(xml(stack("DELETE_COMPLETE", null))));
    aws.stubFor(
        cfn("DescribeStackEvents")
            .willReturn(
                xml(
                    events(
                        "12:00:09 jobs AWS::CloudFormation::Stack DELETE_COMPLETE",
                        "12:00:08 JobsTable AWS::DynamoDB::Table DELETE_COMPLETE",
                        "12:00:01 jobs AWS::CloudFormation::Stack DELETE_IN_PROGRESS User Initiated"))));
  }
}
