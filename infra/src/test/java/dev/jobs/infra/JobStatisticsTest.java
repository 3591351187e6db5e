package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.aliasOf;
import static dev.jobs.infra.TemplateFacts.allow;
import static dev.jobs.infra.TemplateFacts.arnOf;
import static dev.jobs.infra.TemplateFacts.assertSnapStartBehindLiveAlias;
import static dev.jobs.infra.TemplateFacts.eventSourceOf;
import static dev.jobs.infra.TemplateFacts.functionOf;
import static dev.jobs.infra.TemplateFacts.jobTable;
import static dev.jobs.infra.TemplateFacts.keyOf;
import static dev.jobs.infra.TemplateFacts.logicalId;
import static dev.jobs.infra.TemplateFacts.properties;
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
import software.amazon.awscdk.assertions.Match;

/** The stats table, the aggregator on the table's stream, the stats function and its method. */
class JobStatisticsTest extends DefaultStackFacts {
  private static String stats;
  private static String jobs;
  private static String key;
  private static String counter;
  private static String aggregator;

  @BeforeAll
  static void findTheResources() {
    jobs = jobTable(template);
    stats =
        logicalId(
            template,
            "AWS::DynamoDB::Table",
            Map.of(
                "KeySchema",
                Match.arrayWith(List.of(Map.of("AttributeName", "sk", "KeyType", "RANGE")))));
    key = keyOf(template, "Encrypts the jobs table");
    counter = functionOf(template, JobStatistics.HANDLER);
    aggregator = functionOf(template, JobStatistics.AGGREGATOR);
  }

  private static Map<String, Object> mapping() {
    return eventSourceOf(template, aggregator);
  }

  private static Map<String, Object> statsMethod() {
    String resource = logicalId(template, "AWS::ApiGateway::Resource", Map.of("PathPart", "stats"));
    return properties(
        template,
        logicalId(
            template,
            "AWS::ApiGateway::Method",
            Map.of("HttpMethod", "GET", "ResourceId", ref(resource))));
  }

  @Test
  @DisplayName(
      "the stats table is keyed pk/sk, on demand, expires its items by expiresAt, and is"
          + " encrypted with the job table's key")
  void statsTable() {
    assertThat(properties(template, stats))
        .containsEntry("BillingMode", "PAY_PER_REQUEST")
        .containsEntry(
            "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))
        .containsEntry(
            "KeySchema",
            List.of(
                Map.of("AttributeName", "pk", "KeyType", "HASH"),
                Map.of("AttributeName", "sk", "KeyType", "RANGE")));
    assertThat(properties(template, stats).get("SSESpecification").toString())
        .contains("KMSMasterKeyId={Fn::GetAtt=[" + key + ", Arn]}");
  }

  @Test
  @DisplayName("GET /jobs/stats needs AWS_IAM and proxies to the stats function's live alias")
  void statsMethodProxiesToTheStatsFunction() {
    assertThat(statsMethod()).containsEntry("AuthorizationType", "AWS_IAM");
    Map<?, ?> integration = (Map<?, ?>) statsMethod().get("Integration");
    assertThat(integration.get("Type")).isEqualTo("AWS_PROXY");
    assertThat(integration.get("Uri").toString()).contains("Ref=" + aliasOf(template, counter));
    assertThat(statsMethod())
        .containsEntry(
            "RequestParameters",
            Map.of(
                "method.request.querystring.since", false,
                "method.request.querystring.until", false,
                "method.request.querystring.type", false,
                "method.request.querystring.step", false));
  }

  @Test
  @DisplayName("the stats function runs JobStatsHandler from SnapStart behind its live alias")
  void statsFunctionSnapStartBehindAlias() {
    assertSnapStartBehindLiveAlias(template, counter);
    assertThat(properties(template, counter).get("Environment").toString())
        .contains("STATS_TABLE_NAME={Ref=" + stats + "}");
  }

  @Test
  @DisplayName(
      "the stats function's role may only query the stats table and the list index, decrypt, and"
          + " write its logs")
  void statsRoleOnlyQueries() {
    List<Map<String, Object>> statements = statementsOf(template, roleOf(template, counter));
    assertThat(statements).hasSize(4);
    assertThat(statements.get(1)).isEqualTo(allow("dynamodb:Query", arnOf(stats)));
    assertThat(statements.get(2))
        .isEqualTo(allow(List.of("kms:Decrypt", "kms:DescribeKey"), arnOf(key)));
    assertThat(statements.get(3).get("Action")).isEqualTo("dynamodb:Query");
    assertThat(statements.get(3).get("Resource").toString())
        .contains(jobs)
        .contains("/index/" + JobTable.LIST_INDEX);
  }

  @Test
  @DisplayName(
      "the aggregator reads the job table's stream, inserts and updates only, 100 records a"
          + " batch, bisected and retried, then to the uncounted-changes queue")
  void aggregatorMapping() {
    assertThat(mapping())
        .containsEntry("EventSourceArn", streamArnOf(jobs))
        .containsEntry("BatchSize", JobStatistics.BATCH_SIZE)
        .containsEntry("BisectBatchOnFunctionError", true)
        .containsEntry("MaximumRetryAttempts", JobStatistics.AGGREGATE_RETRIES)
        .containsEntry("StartingPosition", "TRIM_HORIZON")
        .containsEntry(
            "FilterCriteria",
            Map.of(
                "Filters", List.of(Map.of("Pattern", "{\"eventName\":[\"INSERT\",\"MODIFY\"]}"))));
    assertThat(mapping().get("DestinationConfig").toString()).contains("UncountedChanges");
  }

  @Test
  @DisplayName(
      "the aggregator's role may only read and update the stats table's items, use the key, read"
          + " the stream, send to its failure queue and write its logs")
  void aggregatorRoleIsLeastPrivilege() {
    List<Map<String, Object>> statements = statementsOf(template, roleOf(template, aggregator));
    assertThat(statements).hasSize(6);
    assertThat(statements.get(1))
        .isEqualTo(allow(List.of("dynamodb:BatchGetItem", "dynamodb:UpdateItem"), arnOf(stats)));
    assertThat(statements.get(2))
        .isEqualTo(
            allow(
                List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"),
                arnOf(key)));
    assertThat(statements.get(3)).isEqualTo(readsStreamOf(jobs));
    assertThat(statements.get(5).get("Action").toString()).contains("sqs:SendMessage");
  }
}
