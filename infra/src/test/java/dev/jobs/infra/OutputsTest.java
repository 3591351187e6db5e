package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.arnOf;
import static dev.jobs.infra.TemplateFacts.jobTable;
import static dev.jobs.infra.TemplateFacts.onlyLogicalId;
import static dev.jobs.infra.TemplateFacts.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class OutputsTest extends DefaultStackFacts {

  @Test
  @DisplayName("the stack has exactly the eleven outputs the CLI reads, under stable keys")
  void exactlyTheCliOutputs() {
    assertThat(template.findOutputs("*").keySet())
        .containsExactlyInAnyOrder(
            "ApiUrl",
            "InvokeRoleArn",
            "EventBusArn",
            "ArchiveName",
            "ReplayRuleArn",
            "TableName",
            "DashboardUrl",
            "AlarmNamePrefix",
            "ProcessingLogGroupName",
            "FailedJobsLogGroupName",
            "OperatorPolicyArn");
  }

  @Test
  @DisplayName("ApiUrl is the stage URL without a trailing slash")
  void apiUrl() {
    String api = onlyLogicalId(template, "AWS::ApiGateway::RestApi");
    Object value = template.findOutputs("ApiUrl").get("ApiUrl").get("Value");
    assertThat(value.toString())
        .contains("https://")
        .contains("{Ref=" + api + "}")
        .contains(".execute-api.")
        .endsWith("/prod]]}");
  }

  @Test
  @DisplayName("the other outputs name the invoke role, bus, archive, replay rule and table")
  void otherOutputs() {
    String invokeRole =
        TemplateFacts.logicalId(
            template, "AWS::IAM::Role", Map.of("Description", InvokeRole.DESCRIPTION));
    template.hasOutput("InvokeRoleArn", Map.of("Value", arnOf(invokeRole)));
    template.hasOutput(
        "EventBusArn", Map.of("Value", arnOf(onlyLogicalId(template, "AWS::Events::EventBus"))));
    template.hasOutput(
        "ArchiveName", Map.of("Value", ref(onlyLogicalId(template, "AWS::Events::Archive"))));
    template.hasOutput("ReplayRuleArn", Map.of("Value", arnOf(TemplateFacts.replayRule(template))));
    template.hasOutput("TableName", Map.of("Value", ref(jobTable(template))));
  }

  @Test
  @DisplayName(
      "the log group outputs name the processing function's and the error handler's groups")
  void logGroupOutputs() {
    for (Map.Entry<String, String> output :
        Map.of(
                "ProcessingLogGroupName", JobProcessing.HANDLER,
                "FailedJobsLogGroupName", FailedJobs.HANDLER)
            .entrySet()) {
      Map<?, ?> logging =
          (Map<?, ?>)
              TemplateFacts.properties(
                      template, TemplateFacts.functionOf(template, output.getValue()))
                  .get("LoggingConfig");
      template.hasOutput(output.getKey(), Map.of("Value", logging.get("LogGroup")));
    }
  }

  @Test
  @DisplayName("the template needs no CDK bootstrap (no bootstrap-version parameter or rule)")
  void noBootstrap() {
    assertThat(template.findParameters("BootstrapVersion", Match.anyValue())).isEmpty();
    assertThat(template.toJSON()).doesNotContainKey("Rules");
  }
}
