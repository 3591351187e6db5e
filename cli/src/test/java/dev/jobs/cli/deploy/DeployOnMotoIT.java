package dev.jobs.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.store.MotoForClass;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.session.AwsClients;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.MotoClients;
import dev.jobs.local.KindJarFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code jobs deploy} and {@code jobs destroy}, in process, against a real CloudFormation and S3
 * API: a {@code moto_server} on loopback.
 *
 * <p>moto 5.2 cannot create the synthesized stack (see {@link
 * #dryRun_ofThePackagedStack_listsEveryResourceOfItsTemplate_andLeavesNoStack}), so the whole path
 * runs on a small assembly of an SQS queue and an SNS topic instead, written as CDK writes one: the
 * template uploaded under its content hash, and a file asset beside it. moto executes change sets
 * synchronously, never rolls back, and gives a stack made by a change set no outputs.
 */
class DeployOnMotoIT {
  private static final String BUCKET = "jobs-assets-123456789012-us-east-1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String TEMPLATE =
      """
      {"Parameters": {
         "QueueDelaySeconds": {"Type": "String", "Default": "0"},
         "TopicDisplayName": {"Type": "String", "Default": "jobs"}%2$s},
       "Resources": {
         "Queue": {"Type": "AWS::SQS::Queue",
                   "Properties": {"DelaySeconds": {"Ref": "QueueDelaySeconds"}}},
         "Topic": {"Type": "AWS::SNS::Topic",
                   "Properties": {"DisplayName": {"Ref": "TopicDisplayName"}}}%1$s},
       "Outputs": {
         "ApiUrl": {"Value": {"Fn::Join": ["", ["https://", {"Fn::GetAtt": ["Queue", "QueueName"]},
                                                ".execute-api.example/prod"]]}},
         "TableName": {"Value": {"Fn::GetAtt": ["Queue", "QueueName"]}}}}
      """;

  @RegisterExtension
  static final MotoForClass MOTO = new MotoForClass("the deploy integration test");

  private static CloudFormationClient cloudFormation;
  private static S3Client s3;

  @TempDir Path home;
  @TempDir Path assembly;
  private CliRun jobs;

  @BeforeAll
  static void connect() {
    cloudFormation = MotoClients.of(MOTO, AwsClients::cloudFormation);
    s3 = MotoClients.of(MOTO, AwsClients::s3);
  }

  @BeforeEach
  void requireMoto() throws Exception {
    MOTO.server().reset();
    Path credentials = MotoForClass.credentialsFile(home, "moto");
    // moto answers at once: a real clock keeps its event times and ours in step.
    jobs =
        new CliRun(home)
            .realClock()
            .env("AWS_PROFILE", "moto")
            .env("AWS_CONFIG_FILE", home.resolve("no-config").toString())
            .env("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
  }

  private CliRun.Result jobs(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--region", "us-east-1", "--endpoint-url", MOTO.server().endpoint().toString()));
    return jobs.run(all.toArray(String[]::new));
  }

  /** Writes the small assembly, with {@code extraResources} added to the template. */
  private void writeAssembly(String extraResources) throws Exception {
    writeAssembly(extraResources, "");
  }

  /** Writes the small assembly, with resources and parameters added to the template. */
  private void writeAssembly(String extraResources, String extraParameters) throws Exception {
    String template = TEMPLATE.formatted(extraResources, extraParameters);
    String hash = sha256(template.getBytes(StandardCharsets.UTF_8));
    Files.writeString(assembly.resolve("jobs.template.json"), template);
    Files.writeString(assembly.resolve("asset.5e6f.txt"), "a file asset");
    Files.writeString(
        assembly.resolve("manifest.json"),
        """
        {"version": "41.0.0", "artifacts": {
          "jobs.assets": {"type": "cdk:asset-manifest", "properties": {"file": "jobs.assets.json"}},
          "jobs": {"type": "aws:cloudformation:stack",
                   "properties": {"templateFile": "jobs.template.json",
                                  "stackTemplateAssetObjectUrl": "s3://jobs-assets-${AWS::AccountId}-${AWS::Region}/%s.json"},
                   "dependencies": ["jobs.assets"]}}}
        """
            .formatted(hash));
    Files.writeString(
        assembly.resolve("jobs.assets.json"),
        """
        {"version": "41.0.0", "files": {
          "5e6f": {"source": {"path": "asset.5e6f.txt", "packaging": "file"},
                   "destinations": {"current_account-current_region": {"bucketName": "jobs-assets-${AWS::AccountId}-${AWS::Region}", "objectKey": "5e6f.txt"}}},
          "%1$s": {"source": {"path": "jobs.template.json", "packaging": "file"},
                   "destinations": {"current_account-current_region": {"bucketName": "jobs-assets-${AWS::AccountId}-${AWS::Region}", "objectKey": "%1$s.json"}}}},
         "dockerImages": {}}
        """
            .formatted(hash));
  }

  private CliRun.Result deploy(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of("deploy", "--require-approval", "never", "--assembly", assembly.toString()));
    all.addAll(List.of(args));
    return jobs(all.toArray(String[]::new));
  }

  private static Stack stack() {
    return cloudFormation.describeStacks(b -> b.stackName("jobs")).stacks().get(0);
  }

  private static Map<String, String> parameters(Stack stack) {
    return stack.parameters().stream()
        .collect(Collectors.toMap(Parameter::parameterKey, Parameter::parameterValue));
  }

  private static Map<String, String> resources() {
    return cloudFormation
        .listStackResources(b -> b.stackName("jobs"))
        .stackResourceSummaries()
        .stream()
        .collect(
            Collectors.toMap(
                StackResourceSummary::logicalResourceId,
                StackResourceSummary::resourceStatusAsString));
  }

  @Test
  void deploy_createsTheStackFromTheUploadedTemplate_withTheGivenParameters() throws Exception {
    writeAssembly("");

    CliRun.Result deployed = deploy("--parameters", "QueueDelaySeconds=5");

    assertThat(deployed.out())
        .contains(
            "creating asset bucket " + BUCKET,
            "uploading asset 5e6f.txt (12 bytes)",
            "creating stack jobs: 2 changes",
            "  + Queue AWS::SQS::Queue",
            "  + Topic AWS::SNS::Topic",
            "stack jobs CREATE_COMPLETE");
    assertThat(stack().stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
    assertThat(parameters(stack()))
        .containsEntry("QueueDelaySeconds", "5")
        .containsEntry("TopicDisplayName", "jobs");
    assertThat(resources())
        .containsEntry("Queue", "CREATE_COMPLETE")
        .containsEntry("Topic", "CREATE_COMPLETE");
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents())
        .extracting(o -> o.key())
        .containsExactlyInAnyOrder("5e6f.txt", templateKey());
  }

  @Test
  void deploy_ofAStackWithoutOutputs_addsNoTarget() throws Exception {
    writeAssembly("");

    CliRun.Result deployed = deploy();

    // The template has an ApiUrl output; moto gives a stack made by a change set none.
    assertThat(stack().outputs()).isEmpty();
    assertThat(deployed.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(deployed.err())
        .contains("stack jobs is deployed, but it has no ApiUrl output, so no target was added");
    assertThat(home.resolve(".jobs/config.json")).doesNotExist();
  }

  @Test
  void deploy_ofAChangedTemplate_updatesTheStack_andKeepsTheParametersNotGiven() throws Exception {
    writeAssembly("");
    deploy("--parameters", "QueueDelaySeconds=5", "TopicDisplayName=first");
    writeAssembly(
        """
        ,
        "DeadLetters": {"Type": "AWS::SQS::Queue"}""");

    CliRun.Result updated = deploy("--parameters", "TopicDisplayName=second");

    assertThat(updated.out())
        .contains(
            "asset 5e6f.txt is already uploaded",
            "uploading asset " + templateKey(),
            "updating stack jobs:",
            "  + DeadLetters AWS::SQS::Queue",
            "stack jobs UPDATE_COMPLETE");
    assertThat(stack().stackStatusAsString()).isEqualTo("UPDATE_COMPLETE");
    assertThat(parameters(stack()))
        .containsEntry("QueueDelaySeconds", "5")
        .containsEntry("TopicDisplayName", "second");
    assertThat(resources()).containsKeys("Queue", "Topic", "DeadLetters");
  }

  @Test
  void deploy_ofTheSameTemplateAndParameters_saysThereAreNoChanges_andExecutesNothing()
      throws Exception {
    writeAssembly("");
    deploy("--parameters", "QueueDelaySeconds=5", "TopicDisplayName=first");

    CliRun.Result again = deploy();

    assertThat(again.out())
        .contains("no changes: stack jobs is up to date")
        .doesNotContain("updating stack");
    assertThat(stack().stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
  }

  @Test
  void deploy_ofAResourceTheServiceRejects_failsWithTheServicesReason() throws Exception {
    // A FIFO queue's name must end in .fifo: SQS, and so moto, refuses this one.
    writeAssembly(
        """
        ,
        "Ordered": {"Type": "AWS::SQS::Queue",
                    "Properties": {"QueueName": "ordered", "FifoQueue": true}}""");

    CliRun.Result failed = deploy();

    assertThat(failed.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(failed.out()).contains("creating stack jobs: 3 changes", "  + Ordered");
    assertThat(failed.err())
        .isEqualTo(
            "jobs: jobs deploy of stack jobs failed: InvalidParameterValue:"
                + " Queue name must end in .fifo for FIFO queues (region us-east-1 from --region)\n");
    assertThat(home.resolve(".jobs/config.json")).doesNotExist();
  }

  @Test
  void deploy_withKinds_uploadsTheJarsAsALayerZip_andPassesItsKey_whichAnUpdateKeeps()
      throws Exception {
    writeAssembly(
        "",
        ", \"KindsLayerKey\": {\"Type\": \"String\", \"Default\": \"\"},"
            + " \"JobTypes\": {\"Type\": \"CommaDelimitedList\", \"Default\": \"sleep,flaky\"}");
    Path jar = KindJarFixture.echoJar(home, "echo.jar", "EchoJob", "echo");

    CliRun.Result deployed = deploy("--kinds", jar.toString());

    assertThat(deployed.out()).contains("stack jobs CREATE_COMPLETE");
    String key = parameters(stack()).get("KindsLayerKey");
    assertThat(key).matches("kinds-[0-9a-f]{64}\\.zip");
    assertThat(deployed.out()).contains("uploading asset " + key);
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (ZipInputStream zip =
        new ZipInputStream(
            new ByteArrayInputStream(
                s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    assertThat(entries).containsOnlyKeys("java/lib/echo.jar");
    assertThat(entries.get("java/lib/echo.jar")).isEqualTo(Files.readAllBytes(jar));
    // The built-in kinds of this class path (the tests' own among them), then the jar's.
    assertThat(parameters(stack()).get("JobTypes")).contains("sleep", "flaky", "echo");

    deploy("--parameters", "TopicDisplayName=second");

    assertThat(parameters(stack()))
        .containsEntry("KindsLayerKey", key)
        .containsEntry("TopicDisplayName", "second");
  }

  @Test
  void deploy_withAKindJarThatCannotBeLoaded_failsNamingIt_beforeUploadingAnything()
      throws Exception {
    writeAssembly(
        "",
        ", \"KindsLayerKey\": {\"Type\": \"String\", \"Default\": \"\"},"
            + " \"JobTypes\": {\"Type\": \"CommaDelimitedList\", \"Default\": \"sleep,flaky\"}");
    Path notAJar = Files.writeString(home.resolve("notes.jar"), "not a zip");

    CliRun.Result failed = deploy("--kinds", notAJar.toString());

    assertThat(failed.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(failed.err()).startsWith("jobs: job kinds from " + notAJar + ": not a readable jar");
    assertNoAssetBucket();
  }

  @Test
  void destroy_deletesTheStackAndItsResources_thenTheAssetBucket() throws Exception {
    writeAssembly("");
    deploy();
    assertThat(resources()).hasSize(2);

    CliRun.Result destroyed = jobs("destroy", "--yes", "--assembly", assembly.toString());

    assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
    assertThat(destroyed.out())
        .contains(
            "jobs  AWS::CloudFormation::Stack  DELETE_COMPLETE",
            "stack jobs deleted",
            "emptying and deleting asset bucket " + BUCKET);
    assertNoStack();
    assertNoAssetBucket();
  }

  @Test
  void destroy_withKeepAssets_leavesTheBucketAndItsObjects() throws Exception {
    writeAssembly("");
    deploy();

    CliRun.Result destroyed =
        jobs("destroy", "--yes", "--keep-assets", "--assembly", assembly.toString());

    assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
    assertThat(destroyed.out()).contains("stack jobs deleted").doesNotContain("asset bucket");
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).hasSize(2);
  }

  @Test
  void dryRun_ofThePackagedStack_listsEveryResourceOfItsTemplate_andLeavesNoStack()
      throws Exception {
    List<String> expected = new ArrayList<>();
    try (PackagedAssembly packaged = PackagedAssembly.packaged()) {
      JsonNode resources =
          JSON.readTree(Files.readString(packaged.assembly().template())).path("Resources");
      for (var resource : resources.properties()) {
        expected.add(
            "  + " + resource.getKey() + " " + resource.getValue().path("Type").asString());
      }
    }

    CliRun.Result dry = jobs("deploy", "--dry-run", "--parameters", "ProcessingTimeoutSeconds=600");

    assertThat(dry.exitCode()).as(dry.err()).isZero();
    // moto read the template from the TemplateURL the deploy gave, in the bucket it uploaded to.
    assertThat(dry.out())
        .contains("creating stack jobs: " + expected.size() + " changes")
        .contains(expected)
        .endsWith("dry run: change set deleted, nothing deployed\n");
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents())
        .extracting(o -> o.key())
        .anyMatch(key -> key.endsWith(".jar"))
        .anyMatch(key -> key.endsWith(".json"));
    assertNoStack();
    assertThat(home.resolve(".jobs/config.json")).doesNotExist();
  }

  private static void assertNoStack() {
    assertThatThrownBy(() -> cloudFormation.describeStacks(b -> b.stackName("jobs")))
        .isInstanceOf(CloudFormationException.class)
        .hasMessageContaining("does not exist");
  }

  private static void assertNoAssetBucket() {
    assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(BUCKET)))
        .isInstanceOf(NoSuchBucketException.class);
  }

  /** The template's key in the asset bucket: its content hash, as CDK names it. */
  private String templateKey() throws Exception {
    return sha256(Files.readAllBytes(assembly.resolve("jobs.template.json"))) + ".json";
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
