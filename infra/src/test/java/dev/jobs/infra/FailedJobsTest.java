package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.aliasOf;
import static dev.jobs.infra.TemplateFacts.allow;
import static dev.jobs.infra.TemplateFacts.arnOf;
import static dev.jobs.infra.TemplateFacts.functionOf;
import static dev.jobs.infra.TemplateFacts.jobTable;
import static dev.jobs.infra.TemplateFacts.logicalId;
import static dev.jobs.infra.TemplateFacts.onlyLogicalId;
import static dev.jobs.infra.TemplateFacts.policyOf;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.queueNamed;
import static dev.jobs.infra.TemplateFacts.ref;
import static dev.jobs.infra.TemplateFacts.roleOf;
import static dev.jobs.infra.TemplateFacts.statementsOf;
import static dev.jobs.infra.TemplateFacts.writesItsLog;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class FailedJobsTest extends DefaultStackFacts {
  private static String errorHandler;
  private static String bus;
  private static String alias;
  private static String deadLetters;

  @BeforeAll
  static void findTheResources() {
    errorHandler = functionOf(template, FailedJobs.HANDLER);
    bus = onlyLogicalId(template, "AWS::Events::EventBus");
    alias = aliasOf(template, functionOf(template, JobProcessing.HANDLER));
    deadLetters = queueNamed(template, "ReplayDeadLetters");
  }

  @Test
  @DisplayName("the error handler runs FailedJobHandler on java21")
  void runsTheBackendHandler() {
    assertThat(properties(template, errorHandler))
        .containsEntry("Runtime", "java21")
        .containsEntry("Handler", "dev.jobs.backend.handler.FailedJobHandler::handleRequest");
  }

  @Test
  @DisplayName("a record the error handler cannot store goes to the failed-jobs bus")
  void errorHandlerDestinationIsTheBus() {
    template.hasResourceProperties(
        "AWS::Lambda::EventInvokeConfig",
        Map.of(
            "FunctionName",
            ref(errorHandler),
            "DestinationConfig",
            Map.of("OnFailure", Map.of("Destination", arnOf(bus)))));
  }

  @Test
  @DisplayName("the error handler's role may UpdateItem and put events on the bus, nothing more")
  void errorHandlerRoleIsLeast() {
    String table = jobTable(template);
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        policyOf(
            roleOf(template, errorHandler),
            List.of(
                writesItsLog(),
                allow("dynamodb:UpdateItem", arnOf(table)),
                Match.objectLike(Map.of("Action", Match.arrayWith(List.of("kms:Encrypt")))),
                allow("events:PutEvents", arnOf(bus)))));
  }

  @Test
  @DisplayName("the error handler may put events on the failed-jobs bus alone, in one statement")
  void errorHandlerPutsEventsOnTheBusOnly() {
    List<Map<String, Object>> puts =
        statementsOf(template, roleOf(template, errorHandler)).stream()
            .filter(statement -> statement.get("Action").toString().contains("events:"))
            .toList();
    assertThat(puts)
        .containsExactly(
            Map.of("Action", "events:PutEvents", "Effect", "Allow", "Resource", arnOf(bus)));
  }

  @Test
  @DisplayName("the error handler finds the failed-jobs bus in EVENT_BUS_NAME")
  void errorHandlerEnvironmentNamesTheBus() {
    Object variables =
        ((Map<?, ?>) properties(template, errorHandler).get("Environment")).get("Variables");
    assertThat(variables).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) variables).get("EVENT_BUS_NAME")).isEqualTo(ref(bus));
  }

  @Test
  @DisplayName("the bus has an archive of every event, kept for ArchiveRetentionDays")
  void archive() {
    template.hasResourceProperties(
        "AWS::Events::Archive",
        Map.of(
            "SourceArn",
            arnOf(bus),
            "RetentionDays",
            ref("ArchiveRetentionDays"),
            "EventPattern",
            Map.of("account", List.of(ref("AWS::AccountId")))));
  }

  @Test
  @DisplayName("the archive keeps events indefinitely by default")
  void archiveRetentionDefault() {
    template.hasParameter("ArchiveRetentionDays", Map.of("Type", "Number", "Default", 0));
  }

  @Test
  @DisplayName("the replay rule on the bus matches replayed events only")
  void replayRulePattern() {
    template.hasResourceProperties(
        "AWS::Events::Rule",
        Map.of(
            "EventBusName",
            ref(bus),
            "EventPattern",
            Match.exact(Map.of("replay-name", List.of(Map.of("exists", true))))));
  }

  @Test
  @DisplayName("the replay rule targets the processing alias with a retry policy and a DLQ")
  void replayRuleTarget() {
    template.hasResourceProperties(
        "AWS::Events::Rule",
        Map.of(
            "Targets",
            List.of(
                Match.objectLike(
                    Map.of(
                        "Arn",
                        ref(alias),
                        "RetryPolicy",
                        Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 3600),
                        "DeadLetterConfig",
                        Map.of("Arn", arnOf(deadLetters)))))));
  }

  @Test
  @DisplayName("the replay rule may invoke the processing alias")
  void replayRuleMayInvoke() {
    String rule = TemplateFacts.replayRule(template);
    template.hasResourceProperties(
        "AWS::Lambda::Permission",
        Map.of(
            "Action",
            "lambda:InvokeFunction",
            "FunctionName",
            ref(alias),
            "Principal",
            "events.amazonaws.com",
            "SourceArn",
            arnOf(rule)));
  }

  @Test
  @DisplayName("the dead-letter queue accepts messages from the replay rule only, over TLS")
  void deadLetterQueuePolicy() {
    String rule = TemplateFacts.replayRule(template);
    String policy =
        properties(
                template,
                logicalId(
                    template, "AWS::SQS::QueuePolicy", Map.of("Queues", List.of(ref(deadLetters)))))
            .toString();
    assertThat(policy)
        .contains("aws:SecureTransport")
        .contains("sqs:SendMessage")
        .contains("events.amazonaws.com")
        .contains("aws:SourceArn={Fn::GetAtt=[" + rule + ", Arn]}");
  }
}
