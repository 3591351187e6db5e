package dev.jobs.backend.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.RequiredTool;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobRequestSchema;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.DynamoDbJobStore;
import dev.jobs.backend.store.MotoServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The deployable Lambda artifact (the shaded jar): its size, its contents, and that it runs. */
class LambdaArtifactIT {
  private static final long MAX_BYTES = 12L * 1024 * 1024;

  /** Packages that belong to the CLI, the CDK stack, the local runtime or the tests. */
  private static final List<String> FORBIDDEN =
      List.of(
          "dev/jobs/cli/",
          "dev/jobs/local/",
          "dev/jobs/infra/",
          "dev/jobs/backend/bench/",
          "dev/jobs/backend/testing/",
          "software/amazon/awscdk/",
          "software/constructs/",
          "picocli/",
          "org/junit/",
          "org/opentest4j/",
          "org/assertj/",
          "com/github/tomakehurst/",
          "wiremock/",
          "org/sqlite/",
          "com/networknt/",
          "org/apache/http/",
          "io/netty/");

  private static Path jar;
  private static List<String> entries;

  @BeforeAll
  static void readJar() throws IOException {
    jar = Path.of(System.getProperty("lambda.jar", "target/backend-0.2.0-SNAPSHOT-lambda.jar"));
    assertThat(jar).as("the Lambda artifact (built at package)").isRegularFile();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      entries = zip.stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void artifact_isAtMost12MiB() throws IOException {
    assertThat(Files.size(jar)).as("size of %s in bytes", jar).isLessThanOrEqualTo(MAX_BYTES);
  }

  @Test
  void artifact_holdsNoCliCdkLocalRuntimeOrTestClasses() {
    assertThat(entries)
        .as("entries of %s", jar)
        .filteredOn(name -> FORBIDDEN.stream().anyMatch(name::startsWith))
        .isEmpty();
  }

  @Test
  void artifact_holdsOnlyTheBackendsOwnClassesOfThisProject() {
    Path mainClasses = Path.of(System.getProperty("main.classes", "target/classes"));
    List<String> ours =
        entries.stream()
            .filter(name -> name.startsWith("dev/jobs/") && name.endsWith(".class"))
            .toList();

    // The backend's own classes, and the kind API (jobs-kind-api) they and users' kinds build on.
    assertThat(ours)
        .isNotEmpty()
        .contains("dev/jobs/kind/JobKind.class")
        .allMatch(
            name ->
                name.startsWith("dev/jobs/kind/")
                    || Files.isRegularFile(mainClasses.resolve(name)));
    assertThat(ours)
        .as("test classes such as the in-memory store")
        .noneMatch(name -> name.endsWith("Test.class") || name.endsWith("IT.class"))
        .doesNotContain(
            "dev/jobs/backend/store/InMemoryJobStore.class",
            "dev/jobs/backend/store/MotoServer.class");
  }

  @Test
  void artifact_holdsTheHandlersAndTheRequestSchema() {
    assertThat(entries)
        .contains(
            "dev/jobs/backend/handler/ProcessJobHandler.class",
            "dev/jobs/backend/handler/FailedJobHandler.class",
            "dev/jobs/backend/handler/ListJobsHandler.class",
            "software/amazon/awssdk/services/eventbridge/EventBridgeClient.class",
            JobRequestSchema.RESOURCE.substring(1), // an entry name has no leading slash
            "META-INF/services/dev.jobs.kind.JobKind");
  }

  @Test
  void artifact_processesAJobInAFreshJvmWithTheLambdaWiring() throws Exception {
    RequiredTool.MOTO_SERVER.require("the run of the Lambda artifact");
    Path kinds = NoOpJob.serviceEntry();
    try (MotoServer moto = MotoServer.start();
        DynamoDbClient dynamo = moto.dynamoDb()) {
      MotoServer.createJobsTable(dynamo, "jobs");
      Path testClasses = Path.of(System.getProperty("test.classes", "target/test-classes"));
      // The production classes come from the jar only: target/test-classes holds none of them.
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(BackendBenchmark.LAMBDA_FLAGS);
      command.add("-cp");
      command.add(jar + File.pathSeparator + testClasses + File.pathSeparator + kinds);
      command.add(ColdStart.class.getName());
      command.add("artifact-job");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("JAVA_TOOL_OPTIONS"));
      env.putAll(
          Map.of(
              "TABLE_NAME", "jobs",
              "AWS_REGION", MotoServer.REGION,
              "AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY,
              "AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY,
              "DYNAMODB_ENDPOINT", moto.endpoint().toString()));
      Process process = builder.start();
      boolean exited = process.waitFor(60, TimeUnit.SECONDS);
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!exited) {
        process.destroyForcibly();
      }

      assertThat(exited).as("the handler finished within 60 s").isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      // The job's log lines (JSON, one each) come first, then ColdStart's figures.
      assertThat(output.lines().filter(line -> !line.startsWith("{")).findFirst())
          .hasValueSatisfying(line -> assertThat(line).startsWith("COLD "));
      assertThat(output).contains("\"message\":\"succeeded\"", "\"jobId\":\"artifact-job\"");
      JobRecord record = new DynamoDbJobStore(dynamo, "jobs").find("artifact-job").orElseThrow();
      assertThat(record.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(record.type()).isEqualTo(NoOpJob.NAME);
      assertThat(record.attempts()).isEqualTo(1);
    } finally {
      NoOpJob.deleteServiceEntry(kinds);
    }
  }
}
