package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.aliasOf;
import static dev.jobs.infra.TemplateFacts.allow;
import static dev.jobs.infra.TemplateFacts.arnOf;
import static dev.jobs.infra.TemplateFacts.eventSourceOf;
import static dev.jobs.infra.TemplateFacts.functionOf;
import static dev.jobs.infra.TemplateFacts.jobTable;
import static dev.jobs.infra.TemplateFacts.keyOf;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.queueNamed;
import static dev.jobs.infra.TemplateFacts.readsStreamOf;
import static dev.jobs.infra.TemplateFacts.ref;
import static dev.jobs.infra.TemplateFacts.roleOf;
import static dev.jobs.infra.TemplateFacts.statementsOf;
import static dev.jobs.infra.TemplateFacts.streamArnOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The queue function, the table's stream and the dispatcher of queued jobs: one fact each. */
class JobQueueingTest extends DefaultStackFacts {
  private static String dispatcher;
  private static String table;
  private static String key;

  @BeforeAll
  static void findTheResources() {
    dispatcher = functionOf(template, JobQueueing.DISPATCHER);
    table = jobTable(template);
    key = keyOf(template, "Encrypts the jobs table");
  }

  private static Map<String, Object> mapping() {
    return eventSourceOf(template, dispatcher);
  }

  @Test
  @DisplayName("the table streams new and old images, which the dispatcher reads")
  void tableStreamsNewImages() {
    assertThat(properties(template, table))
        .containsEntry("StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"));
    assertThat(mapping())
        .containsEntry("EventSourceArn", streamArnOf(table))
        .containsEntry("FunctionName", ref(dispatcher));
  }

  @Test
  @DisplayName("only QUEUED images reach the dispatcher (an event filter)")
  void filterSelectsQueuedImages() {
    assertThat(mapping())
        .containsEntry(
            "FilterCriteria",
            Map.of(
                "Filters",
                List.of(
                    Map.of(
                        "Pattern",
                        "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[\"QUEUED\"]}}}}"))));
  }

  @Test
  @DisplayName(
      "a failed batch is bisected and retried from its first failed record, then its records go"
          + " to the undispatched-jobs queue")
  void failedBatchesAreRetriedThenQueued() {
    String queue = queueNamed(template, "UndispatchedJobs");
    assertThat(mapping())
        .containsEntry("BisectBatchOnFunctionError", true)
        .containsEntry("MaximumRetryAttempts", JobQueueing.DISPATCH_RETRIES)
        .containsEntry("MaximumRecordAgeInSeconds", 86_400)
        .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
        .containsEntry("StartingPosition", "TRIM_HORIZON")
        .containsEntry(
            "DestinationConfig", Map.of("OnFailure", Map.of("Destination", arnOf(queue))));
  }

  @Test
  @DisplayName("the dispatcher invokes the processing function's live alias, named in its variable")
  void dispatcherInvokesTheProcessingAlias() {
    String alias = aliasOf(template, functionOf(template, JobProcessing.HANDLER));
    assertThat(properties(template, dispatcher).get("Environment").toString())
        .contains("PROCESSING_FUNCTION={Ref=" + alias + "}");
  }

  @Test
  @DisplayName(
      "the dispatcher's role may only invoke the processing alias, read the table's stream,"
          + " decrypt it, send to its failure queue and write its logs")
  void dispatcherRoleIsLeastPrivilege() {
    String alias = aliasOf(template, functionOf(template, JobProcessing.HANDLER));
    String queue = queueNamed(template, "UndispatchedJobs");
    List<Map<String, Object>> statements = statementsOf(template, roleOf(template, dispatcher));
    assertThat(statements).hasSize(5);
    assertThat(statements.get(0).get("Action"))
        .isEqualTo(List.of("logs:CreateLogStream", "logs:PutLogEvents"));
    assertThat(statements.get(1)).isEqualTo(allow("lambda:InvokeFunction", ref(alias)));
    assertThat(statements.get(2)).isEqualTo(readsStreamOf(table));
    assertThat(statements.get(3))
        .isEqualTo(allow(List.of("kms:Decrypt", "kms:DescribeKey"), arnOf(key)));
    assertThat(statements.get(4).get("Resource")).isEqualTo(arnOf(queue));
    assertThat(statements.get(4).get("Action").toString()).contains("sqs:SendMessage");
  }
}
