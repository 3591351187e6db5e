package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.allow;
import static dev.jobs.infra.TemplateFacts.arnOf;
import static dev.jobs.infra.TemplateFacts.assertSnapStartBehindLiveAlias;
import static dev.jobs.infra.TemplateFacts.functionOf;
import static dev.jobs.infra.TemplateFacts.jobTable;
import static dev.jobs.infra.TemplateFacts.policyOf;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.ref;
import static dev.jobs.infra.TemplateFacts.roleOf;
import static dev.jobs.infra.TemplateFacts.tableAndRetention;
import static dev.jobs.infra.TemplateFacts.versionOf;
import static dev.jobs.infra.TemplateFacts.writesItsLog;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class JobProcessingTest extends DefaultStackFacts {
  private static String processor;
  private static String errorHandler;

  @BeforeAll
  static void findTheResources() {
    processor = functionOf(template, JobProcessing.HANDLER);
    errorHandler = functionOf(template, FailedJobs.HANDLER);
  }

  @Test
  @DisplayName("the processing function runs ProcessJobHandler on java21 from the backend jar")
  void runsTheBackendHandler() {
    assertThat(properties(template, processor))
        .containsEntry("Runtime", "java21")
        .containsEntry("Handler", "dev.jobs.backend.handler.ProcessJobHandler::handleRequest");
    assertThat(properties(template, processor).get("Code").toString())
        .contains("jobs-assets-${AWS::AccountId}-${AWS::Region}")
        .contains(".jar");
  }

  @Test
  @DisplayName("the processing function's timeout and reserved concurrency are parameters")
  void timeoutAndConcurrencyAreParameters() {
    assertThat(properties(template, processor))
        .containsEntry("Timeout", ref("ProcessingTimeoutSeconds"))
        .containsEntry(
            "ReservedConcurrentExecutions",
            Map.of(
                "Fn::If",
                List.of(
                    "ReservesProcessingConcurrency",
                    ref("ProcessingReservedConcurrency"),
                    ref("AWS::NoValue"))));
  }

  @Test
  @DisplayName("a reserved concurrency of 0 sets no reservation at all")
  void zeroConcurrencyReservesNone() {
    template.hasCondition(
        "ReservesProcessingConcurrency",
        Map.of(
            "Fn::Not",
            List.of(Map.of("Fn::Equals", List.of(ref("ProcessingReservedConcurrency"), "0")))));
  }

  @Test
  @DisplayName("the processing function gets its table and the job retention from the environment")
  void environment() {
    assertThat(properties(template, processor))
        .containsEntry("Environment", tableAndRetention(template));
  }

  @Test
  @DisplayName("SnapStart applies to published versions, and the live alias names one")
  void snapStartBehindAlias() {
    assertSnapStartBehindLiveAlias(template, processor);
  }

  @Test
  @DisplayName("a change of a versioned parameter publishes a new version (its description)")
  void versionDescriptionNamesVersionedParameters() {
    String version = versionOf(template, processor);
    assertThat(properties(template, version).get("Description").toString())
        .contains("Ref=ProcessingTimeoutSeconds")
        .contains("Ref=JobRetentionDays");
  }

  @Test
  @DisplayName("async invocations of the alias: retries and event age are parameters")
  void asyncRetriesAndEventAge() {
    template.hasResourceProperties(
        "AWS::Lambda::EventInvokeConfig",
        Map.of(
            "FunctionName",
            ref(processor),
            "Qualifier",
            "live",
            "MaximumRetryAttempts",
            ref("ProcessingRetryAttempts"),
            "MaximumEventAgeInSeconds",
            ref("ProcessingMaxEventAgeSeconds")));
  }

  @Test
  @DisplayName("retries default to 0 and the event age to 6 hours, as in the original pattern")
  void asyncDefaults() {
    template.hasParameter(
        "ProcessingRetryAttempts", Map.of("Type", "Number", "Default", 0, "MaxValue", 2));
    template.hasParameter(
        "ProcessingMaxEventAgeSeconds", Map.of("Type", "Number", "Default", 21600));
  }

  @Test
  @DisplayName("the timeout defaults to 900 s, and no concurrency is reserved by default")
  void timeoutAndConcurrencyDefaults() {
    template.hasParameter(
        "ProcessingTimeoutSeconds", Map.of("Type", "Number", "Default", 900, "MaxValue", 900));
    template.hasParameter("ProcessingReservedConcurrency", Map.of("Default", 0, "MinValue", 0));
  }

  @Test
  @DisplayName("a job that fails for good goes to the error-handling function")
  void onFailureIsTheErrorHandler() {
    template.hasResourceProperties(
        "AWS::Lambda::EventInvokeConfig",
        Map.of(
            "FunctionName",
            ref(processor),
            "DestinationConfig",
            Map.of("OnFailure", Map.of("Destination", arnOf(errorHandler)))));
  }

  @Test
  @DisplayName(
      "the processing role may UpdateItem, GetItem (priming's read), invoke the error handler, and"
          + " write its logs")
  void processingRoleIsLeast() {
    String table = jobTable(template);
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        policyOf(
            roleOf(template, processor),
            List.of(
                writesItsLog(),
                allow("dynamodb:UpdateItem", arnOf(table)),
                Match.objectLike(
                    Map.of(
                        "Action",
                        List.of(
                            "kms:Decrypt",
                            "kms:DescribeKey",
                            "kms:Encrypt",
                            "kms:GenerateDataKey"))),
                allow("dynamodb:GetItem", arnOf(table)),
                Match.objectLike(Map.of("Action", List.of("kms:Decrypt", "kms:DescribeKey"))),
                allow("lambda:InvokeFunction", arnOf(errorHandler)))));
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("the processing role's only managed policies are those ProcessingPolicyArns names")
  void onlyTheParametersManagedPolicies() {
    Map<String, Object> managed =
        (Map<String, Object>)
            properties(template, roleOf(template, processor)).get("ManagedPolicyArns");
    List<Object> ifSet = (List<Object>) managed.get("Fn::If");
    assertThat(ifSet.subList(1, 3))
        .containsExactly(ref("ProcessingPolicyArns"), Map.of("Ref", "AWS::NoValue"));
    template.hasCondition(
        (String) ifSet.get(0),
        Map.of(
            "Fn::Not",
            List.of(
                Map.of(
                    "Fn::Equals",
                    List.of(Map.of("Fn::Join", List.of("", ref("ProcessingPolicyArns"))), "")))));
  }
}
