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
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JobListingTest extends DefaultStackFacts {
  /** API Gateway's integration timeout: a longer function would answer nobody. */
  private static final int API_GATEWAY_TIMEOUT_SECONDS = 29;

  private static String lister;

  @BeforeAll
  static void findTheResources() {
    lister = functionOf(template, JobListing.HANDLER);
  }

  @Test
  @DisplayName("the list function runs ListJobsHandler on java21 from the backend jar")
  void runsTheBackendHandler() {
    String processor = functionOf(template, JobProcessing.HANDLER);
    assertThat(properties(template, lister))
        .containsEntry("Runtime", "java21")
        .containsEntry("Handler", "dev.jobs.backend.handler.ListJobsHandler::handleRequest")
        .containsEntry("Code", properties(template, processor).get("Code"));
  }

  @Test
  @DisplayName("the list function's timeout ends before API Gateway's 29 s")
  void timeoutFitsTheApi() {
    assertThat((Number) properties(template, lister).get("Timeout"))
        .satisfies(
            timeout -> assertThat(timeout.intValue()).isLessThan(API_GATEWAY_TIMEOUT_SECONDS));
  }

  @Test
  @DisplayName("the list function gets its table, and nothing else, from the environment")
  void environment() {
    String table = jobTable(template);
    assertThat(properties(template, lister))
        .containsEntry("Environment", Map.of("Variables", Map.of("TABLE_NAME", ref(table))));
  }

  @Test
  @DisplayName("the list function starts from a SnapStart snapshot: published versions, live alias")
  void snapStartBehindAlias() {
    assertSnapStartBehindLiveAlias(template, lister);
  }

  @Test
  @DisplayName(
      "the list role may only Query the JobsByStatusDay index, decrypt, and write its logs")
  void listRoleOnlyQueriesTheIndex() {
    String table = jobTable(template);
    String key = keyOf(template, "Encrypts the jobs table");
    List<Map<String, Object>> statements = statementsOf(template, roleOf(template, lister));
    assertThat(statements).hasSize(3);
    assertThat(statements.get(0).get("Action"))
        .isEqualTo(List.of("logs:CreateLogStream", "logs:PutLogEvents"));
    assertThat(statements.get(1))
        .isEqualTo(
            allow(
                "dynamodb:Query",
                Map.of("Fn::Join", List.of("", List.of(arnOf(table), "/index/JobsByStatusDay")))));
    assertThat(statements.get(2))
        .isEqualTo(allow(List.of("kms:Decrypt", "kms:DescribeKey"), arnOf(key)));
  }

  @Test
  @DisplayName("the list role has no managed policy")
  void noManagedPolicy() {
    assertThat(properties(template, roleOf(template, lister)))
        .doesNotContainKey("ManagedPolicyArns");
  }
}
