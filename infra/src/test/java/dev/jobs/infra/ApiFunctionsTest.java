package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.allow;
import static dev.jobs.infra.TemplateFacts.arnOf;
import static dev.jobs.infra.TemplateFacts.assertSnapStartBehindLiveAlias;
import static dev.jobs.infra.TemplateFacts.functionOf;
import static dev.jobs.infra.TemplateFacts.jobTable;
import static dev.jobs.infra.TemplateFacts.keyOf;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.roleOf;
import static dev.jobs.infra.TemplateFacts.statementsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The facts the API's functions (cancel, list, queue) share, one each, for each function; what is a
 * function's own stays in its class ({@link JobCancellingTest}, {@link JobListingTest}, {@link
 * JobQueueingTest}).
 */
class ApiFunctionsTest extends DefaultStackFacts {
  /** API Gateway's integration timeout: a longer function would answer nobody. */
  private static final int API_GATEWAY_TIMEOUT_SECONDS = 29;

  @ParameterizedTest(name = "the function of {0} runs it on java21 from the backend jar")
  @ValueSource(
      strings = {
        "dev.jobs.backend.handler.CancelJobHandler::handleRequest",
        "dev.jobs.backend.handler.ListJobsHandler::handleRequest",
        "dev.jobs.backend.handler.QueueJobHandler::handleRequest"
      })
  void runsTheBackendHandler(String handler) {
    String processor = functionOf(template, JobProcessing.HANDLER);
    assertThat(properties(template, functionOf(template, handler)))
        .containsEntry("Runtime", "java21")
        .containsEntry("Handler", handler)
        .containsEntry("Code", properties(template, processor).get("Code"));
  }

  @ParameterizedTest(name = "the function of {0} times out before API Gateway's 29 s")
  @ValueSource(strings = {JobCancelling.HANDLER, JobListing.HANDLER, JobQueueing.HANDLER})
  void timeoutFitsTheApi(String handler) {
    assertThat(
            ((Number) properties(template, functionOf(template, handler)).get("Timeout"))
                .intValue())
        .isLessThan(API_GATEWAY_TIMEOUT_SECONDS);
  }

  @ParameterizedTest(
      name = "the function of {0} starts from a SnapStart snapshot: published versions, live alias")
  @ValueSource(strings = {JobCancelling.HANDLER, JobListing.HANDLER, JobQueueing.HANDLER})
  void snapStartBehindAlias(String handler) {
    assertSnapStartBehindLiveAlias(template, functionOf(template, handler));
  }

  @ParameterizedTest(name = "the role of {0}'s function has no managed policy")
  @ValueSource(strings = {JobCancelling.HANDLER, JobListing.HANDLER, JobQueueing.HANDLER})
  void noManagedPolicy(String handler) {
    assertThat(properties(template, roleOf(template, functionOf(template, handler))))
        .doesNotContainKey("ManagedPolicyArns");
  }

  @ParameterizedTest(
      name = "the role of {0}'s function has three statements, the first writing its logs")
  @ValueSource(strings = {JobCancelling.HANDLER, JobListing.HANDLER, JobQueueing.HANDLER})
  void roleWritesItsLogs(String handler) {
    List<Map<String, Object>> statements =
        statementsOf(template, roleOf(template, functionOf(template, handler)));
    assertThat(statements).hasSize(3);
    assertThat(statements.get(0).get("Action"))
        .isEqualTo(List.of("logs:CreateLogStream", "logs:PutLogEvents"));
  }

  @ParameterizedTest(
      name = "the role of {0}'s function may only UpdateItem on the table and use the table's key")
  @ValueSource(strings = {JobCancelling.HANDLER, JobQueueing.HANDLER})
  void writingRoleOnlyUpdatesTheTable(String handler) {
    String table = jobTable(template);
    String key = keyOf(template, "Encrypts the jobs table");
    List<Map<String, Object>> statements =
        statementsOf(template, roleOf(template, functionOf(template, handler)));
    assertThat(statements.get(1)).isEqualTo(allow("dynamodb:UpdateItem", arnOf(table)));
    assertThat(statements.get(2))
        .isEqualTo(
            allow(
                List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"),
                arnOf(key)));
  }
}
