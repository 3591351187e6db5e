package dev.jobs.backend.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.jobs.backend.job.JobJson;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JobMetricsTest {
  private static final Instant AT = Instant.parse("2026-11-26T12:00:00.250Z");
  private static Schema emf;

  private final List<String> lines = new ArrayList<>();
  private final JobMetrics metrics = new JobMetrics("jobs-Processor", lines::add);

  @BeforeAll
  static void loadSpecification() throws Exception {
    try (InputStream in = JobMetricsTest.class.getResourceAsStream("/emf/emf-schema.json")) {
      emf =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
              .getSchema(in, InputFormat.JSON);
    }
  }

  @Test
  void aSucceededRunWritesOneLineThatTheEmfSchemaAccepts() {
    metrics.succeeded("sleep", AT, Duration.ofMillis(3042));

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).doesNotContain("\n");
    assertThat(emf.validate(lines.get(0), InputFormat.JSON)).isEmpty();
  }

  @Test
  void aSucceededRunCountsOneSuccessNoFailureAndItsRunTimeByFunctionAndType() {
    metrics.succeeded("sleep", AT, Duration.ofMillis(3042));

    JsonNode record = JobJson.MAPPER.readTree(lines.get(0));
    JsonNode directive = record.get("_aws").get("CloudWatchMetrics").get(0);
    assertThat(record.get("_aws").get("Timestamp").asLong()).isEqualTo(AT.toEpochMilli());
    assertThat(directive.get("Namespace").asString()).isEqualTo("Jobs");
    assertThat(directive.get("Dimensions").toString())
        .isEqualTo("[[\"Function\",\"JobType\"],[\"Function\"]]");
    assertThat(directive.get("Metrics").toString())
        .isEqualTo(
            "[{\"Name\":\"JobsSucceeded\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"JobsFailed\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"JobsCancelled\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"RunTime\",\"Unit\":\"Milliseconds\"}]");
    assertThat(record.get("Function").asString()).isEqualTo("jobs-Processor");
    assertThat(record.get("JobType").asString()).isEqualTo("sleep");
    assertCounts(record, 1, 0, 0);
    assertThat(record.get("RunTime").asLong()).isEqualTo(3042);
  }

  @Test
  void aCancelledRunCountsOneCancelAndNeitherASuccessNorAFailure() {
    metrics.cancelled("sleep", AT, Duration.ofMillis(800));

    JsonNode record = JobJson.MAPPER.readTree(lines.get(0));
    assertThat(emf.validate(lines.get(0), InputFormat.JSON)).isEmpty();
    assertCounts(record, 0, 0, 1);
    assertThat(record.get("RunTime").asLong()).isEqualTo(800);
  }

  @Test
  void everyDimensionAndMetricTheDirectiveNamesIsAMemberOfTheRoot() {
    // The specification: a target member for each dimension (a string) and metric (a number).
    metrics.failed("flaky", AT, Duration.ofMillis(5));

    JsonNode record = JobJson.MAPPER.readTree(lines.get(0));
    JsonNode directive = record.get("_aws").get("CloudWatchMetrics").get(0);
    for (JsonNode set : directive.get("Dimensions")) {
      for (JsonNode key : set) {
        assertThat(record.get(key.asString()).isString()).as(key.asString()).isTrue();
      }
    }
    for (JsonNode metric : directive.get("Metrics")) {
      String name = metric.get("Name").asString();
      assertThat(record.get(name).isNumber()).as(name).isTrue();
    }
    assertThat(record.get("JobsFailed").asInt()).isEqualTo(1);
    assertThat(record.get("JobsSucceeded").asInt()).isEqualTo(0);
  }

  @Test
  void aRecordWithoutTheNamespaceIsRefusedBySchema() {
    // The schema can fail: the same record without its namespace is not EMF.
    metrics.succeeded("sleep", AT, Duration.ZERO);
    String broken = lines.get(0).replace("\"Namespace\":\"Jobs\",", "");

    assertThat(emf.validate(broken, InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void inLambdaTheRecordGoesToStandardOutput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JobMetrics lambda =
        JobMetrics.fromEnvironment(
            Map.of("AWS_LAMBDA_FUNCTION_NAME", "jobs-Processor"),
            new PrintStream(out, true, StandardCharsets.UTF_8));

    lambda.succeeded("sleep", AT, Duration.ofMillis(1));

    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"_aws\":").endsWith("\n");
  }

  @Test
  void outsideLambdaNothingIsWrittenSoTheLocalConsoleStaysQuiet() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    JobMetrics.fromEnvironment(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8))
        .succeeded("sleep", AT, Duration.ofMillis(1));

    assertThat(out.size()).isZero();
  }

  private static void assertCounts(JsonNode record, int succeeded, int failed, int cancelled) {
    assertThat(record.get("JobsSucceeded").asInt()).isEqualTo(succeeded);
    assertThat(record.get("JobsFailed").asInt()).isEqualTo(failed);
    assertThat(record.get("JobsCancelled").asInt()).isEqualTo(cancelled);
  }
}
