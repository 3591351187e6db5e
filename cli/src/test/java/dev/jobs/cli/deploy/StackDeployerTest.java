package dev.jobs.cli.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.jobs.cli.deploy.CloudFormationXml.changeSet;
import static dev.jobs.cli.deploy.CloudFormationXml.empty;
import static dev.jobs.cli.deploy.CloudFormationXml.error;
import static dev.jobs.cli.deploy.CloudFormationXml.events;
import static dev.jobs.cli.deploy.CloudFormationXml.output;
import static dev.jobs.cli.deploy.CloudFormationXml.parameter;
import static dev.jobs.cli.deploy.CloudFormationXml.stack;
import static dev.jobs.cli.deploy.DeployStubs.ASSET_KEY;
import static dev.jobs.cli.deploy.DeployStubs.BUCKET;
import static dev.jobs.cli.deploy.DeployStubs.TEMPLATE_KEY;
import static dev.jobs.cli.deploy.DeployStubs.cfn;
import static dev.jobs.cli.deploy.DeployStubs.notFound;
import static dev.jobs.cli.deploy.DeployStubs.stubChangeSet;
import static dev.jobs.cli.deploy.DeployStubs.stubCreateFlow;
import static dev.jobs.cli.deploy.DeployStubs.stubDestroyFlow;
import static dev.jobs.cli.deploy.DeployStubs.stubS3;
import static dev.jobs.cli.deploy.DeployStubs.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.deploy.StackDeployer.DeployRequest;
import dev.jobs.cli.deploy.StackDeployer.Result;
import dev.jobs.cli.output.Confirmation;
import dev.jobs.cli.output.Poller;
import dev.jobs.cli.testing.FakeAws;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

class StackDeployerTest {

  @RegisterExtension static WireMockExtension aws = FakeAws.server();

  @TempDir Path assemblyDir;

  private final StringWriter printed = new StringWriter();
  private CloudFormationClient cloudFormation;
  private S3Client s3;
  private CloudAssembly assembly;

  @BeforeEach
  void clients() throws Exception {
    URI endpoint = URI.create(aws.baseUrl());
    var credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
    cloudFormation =
        CloudFormationClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
            .build();
    s3 =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    assembly = writeAssembly(assemblyDir);
  }

  @Test
  void aFirstDeployCreatesTheBucketUploadsTheAssetsAndCreatesTheStack() throws Exception {
    stubS3(aws, false);
    stubCreateFlow(aws, "CREATE_COMPLETE");

    StackDeployer.Deployment deployment =
        deployer(Optional.empty()).deploy(request(ApprovalPolicy.NEVER, false));

    assertThat(deployment.result()).isEqualTo(Result.DEPLOYED);
    assertThat(deployment.outputs())
        .containsEntry("ApiUrl", "https://abc.execute-api.us-east-1.amazonaws.com/prod/");
    aws.verify(putRequestedFor(urlEqualTo("/" + BUCKET)));
    aws.verify(putRequestedFor(urlEqualTo("/" + BUCKET + "?publicAccessBlock")));
    aws.verify(putRequestedFor(urlEqualTo("/" + BUCKET + "?encryption")));
    aws.verify(putRequestedFor(urlEqualTo("/" + BUCKET + "/" + ASSET_KEY)));
    aws.verify(putRequestedFor(urlEqualTo("/" + BUCKET + "/" + TEMPLATE_KEY)));
    aws.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(containing("Action=CreateChangeSet"))
            .withRequestBody(containing("ChangeSetType=CREATE"))
            .withRequestBody(
                containing("Parameters.member.1.ParameterKey=ProcessingTimeoutSeconds"))
            .withRequestBody(containing("CAPABILITY_NAMED_IAM")));
    aws.verify(
        postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ExecuteChangeSet")));
  }

  @Test
  void theProgressIsPlainLinesWhenPiped() throws Exception {
    stubS3(aws, true);
    stubCreateFlow(aws, "CREATE_COMPLETE");

    deployer(Optional.empty()).deploy(request(ApprovalPolicy.NEVER, false));

    assertThat(printed.toString())
        .isEqualTo(
            String.join(
                "\n",
                "asset " + ASSET_KEY + " is already uploaded",
                "asset " + TEMPLATE_KEY + " is already uploaded",
                "creating stack jobs: 2 changes",
                "  + JobsTable AWS::DynamoDB::Table",
                "  + ProcessFunction AWS::Lambda::Function",
                "12:00:01  jobs  AWS::CloudFormation::Stack  CREATE_IN_PROGRESS  User Initiated",
                "12:00:02  JobsTable  AWS::DynamoDB::Table  CREATE_IN_PROGRESS",
                "12:00:09  JobsTable  AWS::DynamoDB::Table  CREATE_COMPLETE",
                "12:00:10  ProcessFunction  AWS::Lambda::Function  CREATE_COMPLETE",
                "12:00:11  jobs  AWS::CloudFormation::Stack  CREATE_COMPLETE",
                "stack jobs CREATE_COMPLETE",
                ""));
  }

  @Test
  void anUpdateSkipsAssetsAlreadyUploadedAndUsesAnUpdateChangeSet() throws Exception {
    stubS3(aws, true);
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("deploy")
            .whenScenarioStateIs(STARTED)
            .willReturn(xml(stack("CREATE_COMPLETE", null))));
    stubChangeSet(
        aws, "CREATE_COMPLETE", null, "Modify ProcessFunction AWS::Lambda::Function False");
    aws.stubFor(
        cfn("ExecuteChangeSet")
            .inScenario("deploy")
            .willSetStateTo("done")
            .willReturn(xml(empty("ExecuteChangeSet"))));
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("deploy")
            .whenScenarioStateIs("done")
            .willReturn(xml(stack("UPDATE_COMPLETE", output("ApiUrl", "u")))));
    aws.stubFor(
        cfn("DescribeStackEvents")
            .willReturn(xml(events("12:00:03 jobs AWS::CloudFormation::Stack UPDATE_COMPLETE"))));

    StackDeployer.Deployment deployment =
        deployer(Optional.empty()).deploy(request(ApprovalPolicy.BROADENING, false));

    assertThat(deployment.result()).isEqualTo(Result.DEPLOYED);
    aws.verify(0, putRequestedFor(urlPathEqualTo("/" + BUCKET + "/" + ASSET_KEY)));
    aws.verify(
        postRequestedFor(urlEqualTo("/")).withRequestBody(containing("ChangeSetType=UPDATE")));
    assertThat(printed.toString()).contains("  ~ ProcessFunction AWS::Lambda::Function\n");
  }

  @Test
  void anUpdateKeepsThePreviousValueOfEveryParameterNotGiven() throws Exception {
    Files.writeString(
        assemblyDir.resolve("jobs.template.json"),
        """
        {"Parameters": {"ProcessingTimeoutSeconds": {"Type": "Number", "Default": "900"},
                        "LogRetentionDays": {"Type": "Number", "Default": "365"},
                        "JobRetentionDays": {"Type": "Number", "Default": "30"}},
         "Resources": {}}
        """);
    stubS3(aws, true);
    aws.stubFor(
        cfn("DescribeStacks")
            .willReturn(
                xml(
                    stack(
                        "UPDATE_COMPLETE",
                        output("ApiUrl", "u"),
                        parameter("ProcessingTimeoutSeconds", "300")
                            + parameter("LogRetentionDays", "7")))));
    stubChangeSet(aws, "FAILED", "No updates are to be performed.");
    aws.stubFor(cfn("DeleteChangeSet").willReturn(xml(empty("DeleteChangeSet"))));

    deployer(Optional.empty()).deploy(request(ApprovalPolicy.NEVER, false));

    String body = DeployStubs.firstCallBody(aws, "CreateChangeSet");
    assertThat(body)
        .contains(
            "Parameters.member.1.ParameterKey=ProcessingTimeoutSeconds"
                + "&Parameters.member.1.ParameterValue=600",
            "Parameters.member.2.ParameterKey=LogRetentionDays"
                + "&Parameters.member.2.UsePreviousValue=true")
        .doesNotContain("JobRetentionDays", "Parameters.member.3");
  }

  @Test
  void aFirstDeploySendsOnlyTheParametersGiven() throws Exception {
    Files.writeString(
        assemblyDir.resolve("jobs.template.json"),
        """
        {"Parameters": {"ProcessingTimeoutSeconds": {"Type": "Number", "Default": "900"},
                        "LogRetentionDays": {"Type": "Number", "Default": "365"}},
         "Resources": {}}
        """);
    stubS3(aws, false);
    stubCreateFlow(aws, "CREATE_COMPLETE");

    deployer(Optional.empty()).deploy(request(ApprovalPolicy.NEVER, false));

    String body = DeployStubs.firstCallBody(aws, "CreateChangeSet");
    assertThat(body)
        .contains("Parameters.member.1.ParameterKey=ProcessingTimeoutSeconds")
        .doesNotContain("UsePreviousValue", "LogRetentionDays");
  }

  @Test
  void anExecutionWhoseAnswerWasLostIsFollowedNotRepeated() throws Exception {
    stubS3(aws, true);
    stubCreateFlow(aws, "CREATE_COMPLETE");
    // The first ExecuteChangeSet goes through but answers 500; the SDK's retry is refused.
    aws.stubFor(
        cfn("ExecuteChangeSet")
            .inScenario("deploy")
            .whenScenarioStateIs("ready")
            .willSetStateTo("lost")
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(error("InternalFailure", "try again"))));
    aws.stubFor(
        cfn("ExecuteChangeSet")
            .inScenario("deploy")
            .whenScenarioStateIs("lost")
            .willSetStateTo("executing")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        error(
                            "InvalidChangeSetStatus",
                            "ChangeSet cannot be executed in its current status of"
                                + " [EXECUTE_IN_PROGRESS]"))));
    aws.stubFor(
        cfn("DescribeChangeSet")
            .inScenario("deploy")
            .whenScenarioStateIs("executing")
            .willReturn(
                xml(
                    changeSet("CREATE_COMPLETE", null)
                        .replace("AVAILABLE", "EXECUTE_IN_PROGRESS"))));

    StackDeployer.Deployment deployment =
        deployer(Optional.empty()).deploy(request(ApprovalPolicy.NEVER, false));

    assertThat(deployment.result()).isEqualTo(Result.DEPLOYED);
    assertThat(printed.toString()).contains("stack jobs CREATE_COMPLETE");
    aws.verify(
        2,
        postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ExecuteChangeSet")));
  }

  @Test
  void anEmptyChangeSetSaysNoChangesAndIsDeleted() throws Exception {
    stubS3(aws, true);
    aws.stubFor(
        cfn("DescribeStacks").willReturn(xml(stack("UPDATE_COMPLETE", output("ApiUrl", "u")))));
    stubChangeSet(
        aws,
        "FAILED",
        "The submitted information didn't contain changes. Submit different information to create a change set.");
    aws.stubFor(cfn("DeleteChangeSet").willReturn(xml(empty("DeleteChangeSet"))));

    StackDeployer.Deployment deployment =
        deployer(Optional.empty()).deploy(request(ApprovalPolicy.BROADENING, false));

    assertThat(deployment.result()).isEqualTo(Result.NO_CHANGES);
    assertThat(deployment.outputs()).containsEntry("ApiUrl", "u");
    assertThat(printed.toString()).contains("no changes: stack jobs is up to date");
    assertChangeSetDeletedNotExecuted();
  }

  @Test
  void aFailedDeploymentNamesTheFirstFailedResourceAfterTheRollback() throws Exception {
    stubS3(aws, true);
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("deploy")
            .whenScenarioStateIs(STARTED)
            .willReturn(notFound()));
    stubChangeSet(aws, "CREATE_COMPLETE", null, "Add JobsTable AWS::DynamoDB::Table");
    aws.stubFor(
        cfn("ExecuteChangeSet")
            .inScenario("deploy")
            .willSetStateTo("rolling back")
            .willReturn(xml(empty("ExecuteChangeSet"))));
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("deploy")
            .whenScenarioStateIs("rolling back")
            .willSetStateTo("rolled back")
            .willReturn(xml(stack("ROLLBACK_IN_PROGRESS", null))));
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("deploy")
            .whenScenarioStateIs("rolled back")
            .willReturn(xml(stack("ROLLBACK_COMPLETE", null))));
    aws.stubFor(
        cfn("DescribeStackEvents")
            .willReturn(
                xml(
                    events(
                        "12:00:20 jobs AWS::CloudFormation::Stack ROLLBACK_COMPLETE",
                        "12:00:12 JobsTable AWS::DynamoDB::Table DELETE_COMPLETE",
                        "12:00:05 JobsTable AWS::DynamoDB::Table CREATE_FAILED Resource handler returned message: \"Access denied for kms:CreateGrant\"",
                        "12:00:02 JobsTable AWS::DynamoDB::Table CREATE_IN_PROGRESS"))));

    assertThatThrownBy(
            () -> deployer(Optional.empty()).deploy(request(ApprovalPolicy.NEVER, false)))
        .isInstanceOf(JobsException.class)
        .hasMessage(
            "stack jobs ended in ROLLBACK_COMPLETE; first failure: JobsTable (AWS::DynamoDB::Table): Resource handler returned message: \"Access denied for kms:CreateGrant\"");
    assertThat(printed.toString())
        .contains("12:00:20  jobs  AWS::CloudFormation::Stack  ROLLBACK_COMPLETE");
  }

  @Test
  void aBroadeningChangeIsRefusedWithoutATerminalAndNothingIsExecuted() throws Exception {
    stubS3(aws, true);
    aws.stubFor(cfn("DescribeStacks").willReturn(notFound()));
    stubChangeSet(
        aws,
        "CREATE_COMPLETE",
        null,
        "Add InvokeRole AWS::IAM::Role",
        "Add JobsTable AWS::DynamoDB::Table");
    aws.stubFor(cfn("DeleteChangeSet").willReturn(xml(empty("DeleteChangeSet"))));
    aws.stubFor(cfn("DeleteStack").willReturn(xml(empty("DeleteStack"))));

    assertThatThrownBy(
            () -> deployer(Optional.empty()).deploy(request(ApprovalPolicy.BROADENING, false)))
        .isInstanceOf(JobsException.class)
        .hasMessage(
            "the change set broadens security and there is no terminal to confirm on; run it on a terminal or pass --require-approval never");
    assertChangeSetDeletedNotExecuted();
    aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DeleteStack")));
  }

  @Test
  void aBroadeningChangeIsExecutedWhenTheOperatorConfirms() throws Exception {
    stubS3(aws, true);
    stubCreateFlow(aws, "CREATE_COMPLETE", "Add InvokeRole AWS::IAM::Role");
    String[] asked = new String[1];

    deployer(Optional.of(question -> (asked[0] = question) != null))
        .deploy(request(ApprovalPolicy.BROADENING, false));

    assertThat(asked[0]).contains("broadens security");
    aws.verify(
        postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ExecuteChangeSet")));
  }

  @Test
  void aDeniedPermissionNamesTheAction() {
    stubS3(aws, true);
    aws.stubFor(cfn("DescribeStacks").willReturn(notFound()));
    aws.stubFor(
        cfn("CreateChangeSet")
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        error(
                            "AccessDenied",
                            "User: arn:aws:iam::123456789012:user/ops is not authorized to perform: cloudformation:CreateChangeSet on resource: jobs"))));

    assertThatThrownBy(
            () -> deployer(Optional.empty()).deploy(request(ApprovalPolicy.NEVER, false)))
        .isInstanceOfSatisfying(
            JobsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CREDENTIALS))
        .hasMessageStartingWith(
            "permission denied: cloudformation:CreateChangeSet on jobs (User: arn:aws:iam::123456789012:user/ops is not authorized");
  }

  @Test
  void aDeniedBucketCreationNamesTheS3Action() {
    aws.stubFor(head(urlEqualTo("/" + BUCKET)).willReturn(aResponse().withStatus(404)));
    aws.stubFor(
        put(urlEqualTo("/" + BUCKET))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/xml")
                    .withBody(
                        "<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>1</RequestId></Error>")));

    assertThatThrownBy(
            () -> deployer(Optional.empty()).deploy(request(ApprovalPolicy.NEVER, false)))
        .isInstanceOfSatisfying(
            JobsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CREDENTIALS))
        .hasMessage("permission denied: s3:CreateBucket on " + BUCKET + " (Access Denied)");
  }

  @Test
  void throttlingIsRetried() throws Exception {
    stubS3(aws, true);
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("throttle")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("calm")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(error("Throttling", "Rate exceeded"))));
    aws.stubFor(
        cfn("DescribeStacks")
            .inScenario("throttle")
            .whenScenarioStateIs("calm")
            .willReturn(xml(stack("UPDATE_COMPLETE", null))));
    stubChangeSet(aws, "FAILED", "No updates are to be performed.");
    aws.stubFor(cfn("DeleteChangeSet").willReturn(xml(empty("DeleteChangeSet"))));

    assertThat(deployer(Optional.empty()).deploy(request(ApprovalPolicy.NEVER, false)).result())
        .isEqualTo(Result.NO_CHANGES);
    aws.verify(
        0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("ChangeSetType=CREATE")));
  }

  @Test
  void aDryRunPrintsTheChangeSetAndDeletesIt() throws Exception {
    stubS3(aws, true);
    aws.stubFor(cfn("DescribeStacks").willReturn(notFound()));
    stubChangeSet(aws, "CREATE_COMPLETE", null, "Add JobsTable AWS::DynamoDB::Table");
    aws.stubFor(cfn("DeleteChangeSet").willReturn(xml(empty("DeleteChangeSet"))));
    aws.stubFor(cfn("DeleteStack").willReturn(xml(empty("DeleteStack"))));

    assertThat(deployer(Optional.empty()).deploy(request(ApprovalPolicy.NEVER, true)).result())
        .isEqualTo(Result.DRY_RUN);

    assertThat(printed.toString())
        .contains(
            "  + JobsTable AWS::DynamoDB::Table\n",
            "dry run: change set deleted, nothing deployed");
    assertChangeSetDeletedNotExecuted();
  }

  @Test
  void destroyDeletesTheStackFollowsItAndEmptiesTheBucket() throws Exception {
    stubDestroyFlow(aws);
    aws.stubFor(head(urlEqualTo("/" + BUCKET)).willReturn(aResponse().withStatus(200)));
    aws.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/" + BUCKET + "?versions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/xml")
                    .withBody(
                        "<ListVersionsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>"
                            + BUCKET
                            + "</Name><IsTruncated>false</IsTruncated><Version><Key>"
                            + ASSET_KEY
                            + "</Key><VersionId>null</VersionId><IsLatest>true</IsLatest></Version></ListVersionsResult>")));
    aws.stubFor(
        post(urlEqualTo("/" + BUCKET + "?delete"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/xml")
                    .withBody(
                        "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></DeleteResult>")));
    aws.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.delete(urlEqualTo("/" + BUCKET))
            .willReturn(aResponse().withStatus(204)));

    StackDeployer deployer = deployer(Optional.empty());
    assertThat(deployer.destroy("jobs")).isTrue();
    new AssetPublisher(s3, new ProgressPrinter(new PrintWriter(printed), false))
        .deleteBucket(BUCKET);

    assertThat(printed.toString())
        .contains(
            "12:00:08  JobsTable  AWS::DynamoDB::Table  DELETE_COMPLETE", "stack jobs deleted");
    aws.verify(
        postRequestedFor(urlEqualTo("/" + BUCKET + "?delete"))
            .withRequestBody(containing("<Key>" + ASSET_KEY + "</Key>")));
    aws.verify(deleteRequestedFor(urlEqualTo("/" + BUCKET)));
  }

  @Test
  void destroyOfAMissingStackSaysSo() throws Exception {
    aws.stubFor(cfn("DescribeStacks").willReturn(notFound()));

    assertThat(deployer(Optional.empty()).destroy("jobs")).isFalse();
    assertThat(printed.toString()).isEqualTo("stack jobs does not exist\n");
  }

  private StackDeployer deployer(Optional<Confirmation> confirmation) {
    ProgressPrinter progress = new ProgressPrinter(new PrintWriter(printed), false);
    return new StackDeployer(
        cloudFormation,
        new AssetPublisher(s3, progress),
        progress,
        confirmation,
        Poller.every(
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC),
            duration -> {},
            Duration.ofSeconds(5)));
  }

  private DeployRequest request(ApprovalPolicy approval, boolean dryRun) {
    return new DeployRequest(
        assembly,
        "jobs",
        "123456789012",
        "us-east-1",
        Map.of("ProcessingTimeoutSeconds", "600"),
        approval,
        dryRun);
  }

  static CloudAssembly writeAssembly(Path dir) throws Exception {
    Files.writeString(
        dir.resolve("manifest.json"),
        """
        {"version": "41.0.0", "artifacts": {
          "jobs.assets": {"type": "cdk:asset-manifest", "properties": {"file": "jobs.assets.json"}},
          "jobs": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
                   "properties": {"templateFile": "jobs.template.json",
                                  "stackTemplateAssetObjectUrl": "s3://jobs-assets-${AWS::AccountId}-${AWS::Region}/7b3e1d.json"},
                   "dependencies": ["jobs.assets"]}}}
        """);
    Files.writeString(
        dir.resolve("jobs.assets.json"),
        """
        {"version": "41.0.0", "files": {
          "4f2a9c": {"source": {"path": "asset.4f2a9c.jar", "packaging": "file"},
                     "destinations": {"current_account-current_region": {"bucketName": "jobs-assets-${AWS::AccountId}-${AWS::Region}", "objectKey": "4f2a9c.jar"}}},
          "7b3e1d": {"source": {"path": "jobs.template.json", "packaging": "file"},
                     "destinations": {"current_account-current_region": {"bucketName": "jobs-assets-${AWS::AccountId}-${AWS::Region}", "objectKey": "7b3e1d.json"}}}},
         "dockerImages": {}}
        """);
    Files.writeString(dir.resolve("jobs.template.json"), "{\"Resources\": {}}");
    Files.write(dir.resolve("asset.4f2a9c.jar"), new byte[] {1, 2, 3});
    return CloudAssembly.read(dir);
  }

  /** The change set was deleted and never executed: nothing was deployed. */
  private static void assertChangeSetDeletedNotExecuted() {
    aws.verify(
        0,
        postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ExecuteChangeSet")));
    aws.verify(
        postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DeleteChangeSet")));
  }
}
