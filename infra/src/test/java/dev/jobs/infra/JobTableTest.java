package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.arnOf;
import static dev.jobs.infra.TemplateFacts.keyOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class JobTableTest extends DefaultStackFacts {

  @Test
  @DisplayName("the table is keyed by the job id")
  void keyedById() {
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "KeySchema",
            List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
            "AttributeDefinitions",
            Match.arrayWith(List.of(Map.of("AttributeName", "id", "AttributeType", "S")))));
  }

  @Test
  @DisplayName("the index JobsByStatusDay: listKey then listAt, both strings, every attribute")
  void listIndex() {
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "GlobalSecondaryIndexes",
            Match.exact(
                List.of(
                    Map.of(
                        "IndexName",
                        "JobsByStatusDay",
                        "KeySchema",
                        List.of(
                            Map.of("AttributeName", "listKey", "KeyType", "HASH"),
                            Map.of("AttributeName", "listAt", "KeyType", "RANGE")),
                        "Projection",
                        Map.of("ProjectionType", "ALL")))),
            "AttributeDefinitions",
            Match.arrayWith(
                List.of(
                    Map.of("AttributeName", "listKey", "AttributeType", "S"),
                    Map.of("AttributeName", "listAt", "AttributeType", "S")))));
  }

  @Test
  @DisplayName("the table bills on demand")
  void onDemand() {
    template.hasResourceProperties(
        "AWS::DynamoDB::Table", Map.of("BillingMode", "PAY_PER_REQUEST"));
  }

  @Test
  @DisplayName("the table has point-in-time recovery")
  void pointInTimeRecovery() {
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
  }

  @Test
  @DisplayName("the table is encrypted with its own customer-managed key")
  void customerManagedKey() {
    String key = keyOf(template, "Encrypts the jobs table");
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of(
            "SSESpecification",
            Map.of("SSEEnabled", true, "SSEType", "KMS", "KMSMasterKeyId", arnOf(key))));
  }

  @Test
  @DisplayName("the table's key rotates")
  void keyRotates() {
    template.hasResourceProperties(
        "AWS::KMS::Key",
        Map.of("Description", "Encrypts the jobs table", "EnableKeyRotation", true));
  }

  @Test
  @DisplayName("records expire through the TTL on expiresAt")
  void timeToLive() {
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Map.of("TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
  }

  @Test
  @DisplayName("job records are kept 30 days by default")
  void jobRetentionDefault() {
    template.hasParameter("JobRetentionDays", Map.of("Type", "Number", "Default", 30));
  }
}
