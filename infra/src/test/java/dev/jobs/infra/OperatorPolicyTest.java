package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.arnOf;
import static dev.jobs.infra.TemplateFacts.joined;
import static dev.jobs.infra.TemplateFacts.logicalId;
import static dev.jobs.infra.TemplateFacts.onlyLogicalId;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OperatorPolicyTest extends DefaultStackFacts {
  private static String policy;
  private static List<?> statements;

  @BeforeAll
  static void findThePolicy() {
    policy =
        logicalId(
            template, "AWS::IAM::ManagedPolicy", Map.of("Description", OperatorPolicy.DESCRIPTION));
    statements =
        (List<?>) ((Map<?, ?>) properties(template, policy).get("PolicyDocument")).get("Statement");
  }

  private static Object statement(int index) {
    return statements.get(index);
  }

  private static Map<String, Object> allow(Object actions, Object resources) {
    return Map.of("Action", actions, "Effect", "Allow", "Resource", resources);
  }

  private static String logGroupOf(String handler) {
    String function = TemplateFacts.functionOf(template, handler);
    Map<?, ?> logging = (Map<?, ?>) properties(template, function).get("LoggingConfig");
    return (String) ((Map<?, ?>) logging.get("LogGroup")).get("Ref");
  }

  @Test
  @DisplayName("the operator policy has exactly seven statements, one per kind of call")
  void sevenStatements() {
    assertThat(statements).hasSize(7);
  }

  @Test
  @DisplayName("jobs logs: FilterLogEvents on the processing and error-handling log groups only")
  void filterLogEventsOnTheTwoLogGroups() {
    assertThat(statement(0))
        .isEqualTo(
            allow(
                "logs:FilterLogEvents",
                List.of(
                    arnOf(logGroupOf(JobProcessing.HANDLER)),
                    arnOf(logGroupOf(FailedJobs.HANDLER)))));
  }

  @Test
  @DisplayName("jobs replay: DescribeArchive and StartReplay on the archive and the bus only")
  void replayStartOnTheArchiveAndBus() {
    assertThat(statement(1))
        .isEqualTo(
            allow(
                List.of("events:DescribeArchive", "events:StartReplay"),
                List.of(
                    arnOf(onlyLogicalId(template, "AWS::Events::Archive")),
                    arnOf(onlyLogicalId(template, "AWS::Events::EventBus")))));
  }

  /** An ARN of this account and region: {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}. */
  private static Map<String, Object> arnHere(String service, String resource) {
    return joined(
        "arn:",
        ref("AWS::Partition"),
        ":" + service + ":",
        ref("AWS::Region"),
        ":",
        ref("AWS::AccountId"),
        resource);
  }

  @Test
  @DisplayName(
      "jobs replays: DescribeReplay and CancelReplay on the account's replays in the region")
  void replaysByName() {
    assertThat(statement(2))
        .isEqualTo(
            allow(
                List.of("events:DescribeReplay", "events:CancelReplay"),
                arnHere("events", ":replay/*")));
  }

  @Test
  @DisplayName("ListReplays, which IAM grants on * alone, is the only action on *")
  void onlyListReplaysOnEverything() {
    assertThat(statement(3)).isEqualTo(allow("events:ListReplays", "*"));
  }

  @Test
  @DisplayName("jobs alarms: DescribeAlarms on the alarms named with the stack's prefix only")
  void describeAlarmsOfTheStack() {
    String prefix = Monitoring.alarmPrefix(Synthesized.defaultProps().stackName());
    assertThat(statement(4))
        .isEqualTo(
            allow("cloudwatch:DescribeAlarms", arnHere("cloudwatch", ":alarm:" + prefix + "*")));
  }

  @Test
  @DisplayName("jobs target add: DescribeStacks on this stack only")
  void describeThisStack() {
    assertThat(statement(5)).isEqualTo(allow("cloudformation:DescribeStacks", ref("AWS::StackId")));
  }

  @Test
  @DisplayName("the jobs API: AssumeRole on the invoke role only")
  void assumeTheInvokeRole() {
    String role =
        logicalId(template, "AWS::IAM::Role", Map.of("Description", InvokeRole.DESCRIPTION));
    assertThat(statement(6)).isEqualTo(allow("sts:AssumeRole", arnOf(role)));
  }

  @Test
  @DisplayName("the stack outputs the policy's ARN as OperatorPolicyArn")
  void outputsThePolicy() {
    template.hasOutput("OperatorPolicyArn", Map.of("Value", ref(policy)));
  }
}
