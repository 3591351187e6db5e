package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.allow;
import static dev.jobs.infra.TemplateFacts.arnOf;
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
  private static String lister;

  @BeforeAll
  static void findTheResources() {
    lister = functionOf(template, JobListing.HANDLER);
  }

  @Test
  @DisplayName("the list function gets its table, and nothing else, from the environment")
  void environment() {
    String table = jobTable(template);
    assertThat(properties(template, lister))
        .containsEntry("Environment", Map.of("Variables", Map.of("TABLE_NAME", ref(table))));
  }

  @Test
  @DisplayName(
      "the list role may only Query the JobsByStatusDay index, decrypt, and write its logs")
  void listRoleOnlyQueriesTheIndex() {
    String table = jobTable(template);
    String key = keyOf(template, "Encrypts the jobs table");
    List<Map<String, Object>> statements = statementsOf(template, roleOf(template, lister));
    assertThat(statements.get(1))
        .isEqualTo(
            allow(
                "dynamodb:Query",
                Map.of("Fn::Join", List.of("", List.of(arnOf(table), "/index/JobsByStatusDay")))));
    assertThat(statements.get(2))
        .isEqualTo(allow(List.of("kms:Decrypt", "kms:DescribeKey"), arnOf(key)));
  }
}
