package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.allow;
import static dev.jobs.infra.TemplateFacts.arnOf;
import static dev.jobs.infra.TemplateFacts.assertSnapStartBehindLiveAlias;
import static dev.jobs.infra.TemplateFacts.functionOf;
import static dev.jobs.infra.TemplateFacts.jobTable;
import static dev.jobs.infra.TemplateFacts.keyOf;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.ref;
import static dev.jobs.infra.TemplateFacts.roleOf;
import static dev.jobs.infra.TemplateFacts.statementsOf;
import static dev.jobs.infra.TemplateFacts.versionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cancel function behind {@code POST /jobs/{jobId}/cancel}: one fact each. */
class JobCancellingTest extends DefaultStackFacts {
  /** API Gateway's integration timeout: a longer function would answer nobody. */
  private static final int API_GATEWAY_TIMEOUT_SECONDS = 29;

  private static String canceller;

  @BeforeAll
  static void findTheResources() {
    canceller = functionOf(template, JobCancelling.HANDLER);
  }

  @Test
  @DisplayName("the cancel function runs CancelJobHandler on java21 from the backend jar")
  void runsTheBackendHandler() {
    String processor = functionOf(template, JobProcessing.HANDLER);
    assertThat(properties(template, canceller))
        .containsEntry("Runtime", "java21")
        .containsEntry("Handler", "dev.jobs.backend.handler.CancelJobHandler::handleRequest")
        .containsEntry("Code", properties(template, processor).get("Code"));
  }

  @Test
  @DisplayName("the cancel function's timeout ends before API Gateway's 29 s")
  void timeoutFitsTheApi() {
    assertThat(((Number) properties(template, canceller).get("Timeout")).intValue())
        .isLessThan(API_GATEWAY_TIMEOUT_SECONDS);
  }

  @Test
  @DisplayName(
      "the cancel function gets its table and the job retention (for a job cancelled while"
          + " queued) from the environment")
  void environment() {
    String table = jobTable(template);
    assertThat(properties(template, canceller))
        .containsEntry(
            "Environment",
            Map.of(
                "Variables",
                Map.of("TABLE_NAME", ref(table), "JOB_RETENTION_DAYS", ref("JobRetentionDays"))));
  }

  @Test
  @DisplayName(
      "the cancel function starts from a SnapStart snapshot: published versions, live alias")
  void snapStartBehindAlias() {
    assertSnapStartBehindLiveAlias(template, canceller);
  }

  @Test
  @DisplayName("a change of JobRetentionDays publishes a new version of the cancel function")
  void versionDescriptionNamesTheRetention() {
    assertThat(properties(template, versionOf(template, canceller)))
        .containsEntry(
            "Description",
            Map.of("Fn::Join", List.of(" ", List.of("retention", ref("JobRetentionDays")))));
  }

  @Test
  @DisplayName(
      "the cancel role may only UpdateItem on the table, use the table's key, and write its logs")
  void cancelRoleOnlyUpdatesTheTable() {
    String table = jobTable(template);
    String key = keyOf(template, "Encrypts the jobs table");
    List<Map<String, Object>> statements = statementsOf(template, roleOf(template, canceller));
    assertThat(statements).hasSize(3);
    assertThat(statements.get(0).get("Action"))
        .isEqualTo(List.of("logs:CreateLogStream", "logs:PutLogEvents"));
    assertThat(statements.get(1)).isEqualTo(allow("dynamodb:UpdateItem", arnOf(table)));
    assertThat(statements.get(2))
        .isEqualTo(
            allow(
                List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"),
                arnOf(key)));
  }

  @Test
  @DisplayName("the cancel role has no managed policy")
  void noManagedPolicy() {
    assertThat(properties(template, roleOf(template, canceller)))
        .doesNotContainKey("ManagedPolicyArns");
  }
}
