package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.arnOf;
import static dev.jobs.infra.TemplateFacts.functionOf;
import static dev.jobs.infra.TemplateFacts.keyOf;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogsTest extends DefaultStackFacts {
  private static String key;

  @BeforeAll
  static void findTheResources() {
    key = keyOf(template, "Encrypts the jobs stack's log groups");
  }

  @Test
  @DisplayName("every log group (access logs, one per function) is encrypted and kept a while")
  void everyLogGroupEncryptedWithRetention() {
    Map<String, Map<String, Object>> groups = template.findResources("AWS::Logs::LogGroup");
    assertThat(groups).hasSize(1 + template.findResources("AWS::Lambda::Function").size());
    for (String group : groups.keySet()) {
      assertThat(properties(template, group))
          .as(group)
          .containsEntry("KmsKeyId", arnOf(key))
          .containsEntry("RetentionInDays", ref("LogRetentionDays"));
    }
  }

  @Test
  @DisplayName("log retention defaults to 365 days among CloudWatch's allowed values")
  void retentionDefault() {
    template.hasParameter(
        "LogRetentionDays",
        Map.of(
            "Default",
            "365",
            "AllowedValues",
            JobsStackProps.LOG_RETENTION_DAYS.stream().map(String::valueOf).toList()));
  }

  @Test
  @DisplayName("the logs key rotates and CloudWatch Logs may use it only for this account's groups")
  void logsKeyPolicy() {
    assertThat(properties(template, key)).containsEntry("EnableKeyRotation", true);
    String policy = properties(template, key).get("KeyPolicy").toString();
    assertThat(policy)
        .contains("Service={Fn::Join=[, [logs., {Ref=AWS::Region}, .amazonaws.com]]}")
        .contains("kms:EncryptionContext:aws:logs:arn")
        .contains(":log-group:*");
  }

  @Test
  @DisplayName("each function logs in Lambda's JSON log format, which jobs logs filters on jobId")
  void functionsLogJson() {
    Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
    assertThat(functions).hasSizeGreaterThanOrEqualTo(4);
    for (String function : functions.keySet()) {
      Map<?, ?> logging = (Map<?, ?>) properties(template, function).get("LoggingConfig");
      assertThat(logging.get("LogFormat")).as(function).isEqualTo("JSON");
    }
  }

  @Test
  @DisplayName("each function writes to its own log group")
  void functionsUseTheirLogGroups() {
    for (String handler :
        List.of(
            JobProcessing.HANDLER, FailedJobs.HANDLER, JobListing.HANDLER, JobCancelling.HANDLER)) {
      String function = functionOf(template, handler);
      assertThat(properties(template, function).get("LoggingConfig").toString())
          .contains("LogGroup={Ref=");
    }
  }
}
