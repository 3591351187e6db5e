package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.functionOf;
import static dev.jobs.infra.TemplateFacts.jobTable;
import static dev.jobs.infra.TemplateFacts.keyOf;
import static dev.jobs.infra.TemplateFacts.logicalId;
import static dev.jobs.infra.TemplateFacts.onlyLogicalId;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.queueNamed;
import static dev.jobs.infra.TemplateFacts.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobs.backend.metrics.JobMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;

/** The alarms, their topic and the dashboard: one fact each. */
class MonitoringTest extends DefaultStackFacts {
  private static String prefix;
  private static String topic;
  private static String processing;
  private static String errorHandler;
  private static String canceller;
  private static String dispatcher;

  @BeforeAll
  static void findTheResources() {
    prefix = Monitoring.alarmPrefix(Synthesized.defaultProps().stackName());
    topic = onlyLogicalId(template, "AWS::SNS::Topic");
    processing = functionOf(template, JobProcessing.HANDLER);
    errorHandler = functionOf(template, FailedJobs.HANDLER);
    canceller = functionOf(template, JobCancelling.HANDLER);
    dispatcher = functionOf(template, JobQueueing.DISPATCHER);
  }

  private static Map<String, Object> alarm(String name) {
    return properties(
        template,
        logicalId(template, "AWS::CloudWatch::Alarm", Map.of("AlarmName", prefix + name)));
  }

  /** A rule on a custom bus reports under EventBusName and RuleName, and its Ref is "bus|rule". */
  private static List<Map<String, Object>> ruleDimensions(String rule) {
    return List.of(
        Map.of("Name", "EventBusName", "Value", half(0, rule)),
        Map.of("Name", "RuleName", "Value", half(1, rule)));
  }

  private static Map<String, Object> half(int index, String rule) {
    return Map.of("Fn::Select", List.of(index, Map.of("Fn::Split", List.of("|", ref(rule)))));
  }

  @ParameterizedTest(name = "{0} watches {1} {2} of the {3}, and notifies the topic")
  @CsvSource({
    "ProcessingErrors, AWS/Lambda, Errors, processing function",
    "ProcessingEventsDropped, AWS/Lambda, AsyncEventsDropped, processing function",
    "ProcessingEventAge, AWS/Lambda, AsyncEventAge, processing function",
    "ProcessingThrottles, AWS/Lambda, Throttles, processing function",
    "ErrorHandlerErrors, AWS/Lambda, Errors, error handler",
    "DispatcherErrors, AWS/Lambda, Errors, dispatcher"
  })
  void functionAlarms(String name, String namespace, String metric, String function) {
    String functionId =
        switch (function) {
          case "error handler" -> errorHandler;
          case "dispatcher" -> dispatcher;
          default -> processing;
        };
    assertThat(alarm(name))
        .containsEntry("Namespace", namespace)
        .containsEntry("MetricName", metric)
        .containsEntry(
            "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", ref(functionId))))
        .containsEntry("AlarmActions", List.of(ref(topic)))
        .containsEntry("TreatMissingData", "notBreaching");
  }

  @Test
  @DisplayName("a failed job run raises an alarm at the JobErrorsAlarmThreshold parameter")
  void jobErrorsThresholdIsAParameter() {
    assertThat(alarm("ProcessingErrors"))
        .containsEntry("Threshold", ref("JobErrorsAlarmThreshold"))
        .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
        .containsEntry("Statistic", "Sum")
        .containsEntry("Period", 300);
  }

  @Test
  @DisplayName("event age alarms on the maximum age at the EventAgeAlarmMillis parameter")
  void eventAgeThresholdIsAParameter() {
    assertThat(alarm("ProcessingEventAge"))
        .containsEntry("Threshold", ref("EventAgeAlarmMillis"))
        .containsEntry("Statistic", "Maximum");
  }

  @Test
  @DisplayName("failures reaching the bus through the error handler's destination raise an alarm")
  void unrecordedFailures() {
    String rule =
        logicalId(
            template,
            "AWS::Events::Rule",
            Map.of(
                "EventPattern",
                Map.of(
                    "source",
                    List.of("lambda"),
                    "detail-type",
                    List.of(Monitoring.DESTINATION_FAILURE),
                    "replay-name",
                    List.of(Map.of("exists", false)))));
    assertThat(properties(template, rule))
        .containsEntry("EventBusName", ref(onlyLogicalId(template, "AWS::Events::EventBus")));
    assertThat(alarm("UnrecordedFailures"))
        .containsEntry("Namespace", "AWS/Events")
        .containsEntry("MetricName", "MatchedEvents")
        .containsEntry("Dimensions", ruleDimensions(rule))
        .containsEntry("AlarmActions", List.of(ref(topic)));
  }

  @Test
  @DisplayName("the replay rule's failed invocations raise an alarm")
  void replayFailedInvocations() {
    assertThat(alarm("ReplayFailedInvocations"))
        .containsEntry("Namespace", "AWS/Events")
        .containsEntry("MetricName", "FailedInvocations")
        .containsEntry("Dimensions", ruleDimensions(TemplateFacts.replayRule(template)))
        .containsEntry("AlarmActions", List.of(ref(topic)));
  }

  @ParameterizedTest(name = "any message in the {1} queue raises {0}")
  @CsvSource({"ReplayDeadLetters, ReplayDeadLetters", "UndispatchedJobs, UndispatchedJobs"})
  void queueAlarms(String name, String queueName) {
    String queue = queueNamed(template, queueName);
    assertThat(alarm(name))
        .containsEntry("Namespace", "AWS/SQS")
        .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
        .containsEntry(
            "Dimensions",
            List.of(
                Map.of(
                    "Name",
                    "QueueName",
                    "Value",
                    Map.of("Fn::GetAtt", List.of(queue, "QueueName")))))
        .containsEntry("Statistic", "Maximum")
        .containsEntry("Threshold", 1)
        .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
        .containsEntry("AlarmActions", List.of(ref(topic)));
  }

  @Test
  @DisplayName("the API's 5xx and p99 latency of its stage raise alarms")
  void apiAlarms() {
    String stage = onlyLogicalId(template, "AWS::ApiGateway::Stage");
    for (String name : List.of("Api5xx", "ApiLatency")) {
      Map<String, Object> alarm = alarm(name);
      assertThat(alarm).containsEntry("Namespace", "AWS/ApiGateway");
      assertThat(alarm.get("Dimensions").toString()).contains("ApiName").contains(stage);
      assertThat(alarm).containsEntry("AlarmActions", List.of(ref(topic)));
    }
    assertThat(alarm("Api5xx")).containsEntry("MetricName", "5XXError");
    assertThat(alarm("ApiLatency"))
        .containsEntry("MetricName", "Latency")
        .containsEntry("ExtendedStatistic", "p99")
        .containsEntry("Threshold", ref("ApiLatencyAlarmMillis"));
  }

  @Test
  @DisplayName("DynamoDB's throttled requests on the table's operations raise an alarm")
  void tableThrottles() {
    Map<String, Object> alarm = alarm("TableThrottles");
    String table = jobTable(template);
    assertThat(alarm.get("Metrics").toString())
        .contains("AWS/DynamoDB")
        .contains("ThrottledRequests")
        .contains("UpdateItem")
        .contains("GetItem")
        .contains("Query")
        .contains("{Ref=" + table + "}");
    assertThat(alarm).containsEntry("AlarmActions", List.of(ref(topic)));
  }

  @Test
  @DisplayName("concurrency near the reservation alarms only when a reservation is set")
  void concurrencyAlarmOnlyWithAReservation() {
    Map<String, Map<String, Object>> found =
        template.findResources(
            "AWS::CloudWatch::Alarm",
            Map.of(
                "Condition",
                "ReservesProcessingConcurrency",
                "Properties",
                Match.objectLike(Map.of("AlarmName", prefix + "ProcessingConcurrency"))));
    assertThat(found).hasSize(1);
    Map<?, ?> alarm = (Map<?, ?>) found.values().iterator().next().get("Properties");
    assertThat(alarm.get("Metrics").toString())
        .contains("ConcurrentExecutions")
        .contains("ProcessingReservedConcurrency")
        .contains("100 * concurrency / ");
    assertThat(alarm.get("Threshold")).isEqualTo(ref("ConcurrencyAlarmPercent"));
    assertThat(alarm.get("AlarmActions")).isEqualTo(List.of(ref(topic)));
  }

  @Test
  @DisplayName("every alarm of the stack is named with the stack's prefix and notifies the topic")
  void everyAlarmIsTheStacks() {
    Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm");
    assertThat(alarms).hasSize(14);
    for (Map<String, Object> alarm : alarms.values()) {
      Map<?, ?> properties = (Map<?, ?>) alarm.get("Properties");
      assertThat((String) properties.get("AlarmName")).startsWith(prefix);
      assertThat(properties.get("AlarmActions")).isEqualTo(List.of(ref(topic)));
    }
  }

  @Test
  @DisplayName("the alarm topic is encrypted with a rotated key CloudWatch may use")
  void topicIsEncrypted() {
    String key = keyOf(template, "Encrypts the jobs stack's alarm topic");
    assertThat(properties(template, topic))
        .containsEntry("KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn")));
    assertThat(properties(template, key)).containsEntry("EnableKeyRotation", true);
    assertThat(properties(template, key).get("KeyPolicy").toString())
        .contains("cloudwatch.amazonaws.com");
  }

  @Test
  @DisplayName("the e-mail subscription exists only when AlarmEmail is set")
  void subscriptionOnlyWithAnEmail() {
    template.hasResource(
        "AWS::SNS::Subscription",
        Map.of(
            "Condition",
            "HasAlarmEmail",
            "Properties",
            Map.of("Protocol", "email", "Endpoint", ref("AlarmEmail"), "TopicArn", ref(topic))));
    assertThat(template.toJSON().get("Conditions").toString())
        .contains("HasAlarmEmail={Fn::Not=[{Fn::Equals=[{Ref=AlarmEmail}, ]}]}");
    template.hasParameter("AlarmEmail", Map.of("Type", "String", "Default", ""));
  }

  @Test
  @DisplayName("the dashboard shows the job metrics, the replays and the alarms")
  void dashboard() {
    String body =
        properties(template, onlyLogicalId(template, "AWS::CloudWatch::Dashboard"))
            .get("DashboardBody")
            .toString();
    assertThat(body)
        .contains(JobMetrics.NAMESPACE)
        .contains(JobMetrics.SUCCEEDED)
        .contains(JobMetrics.FAILED)
        .contains(JobMetrics.RUN_TIME)
        .contains("ConcurrentExecutions")
        .contains("FailedInvocations")
        .contains("\"type\":\"alarm\"");
  }

  @Test
  @DisplayName(
      "the dashboard's cancels widget shows the cancel function's requests and errors and the runs"
          + " stopped by a cancel (JobsCancelled, as the other job metrics)")
  void dashboardShowsCancels() throws Exception {
    assertThat(widgetMetrics("Cancels: requested and stopped"))
        .containsExactly(
            List.of("AWS/Lambda", "Invocations", "FunctionName", "{Ref=" + canceller + "}"),
            List.of("AWS/Lambda", "Errors", "FunctionName", "{Ref=" + canceller + "}"),
            List.of(
                JobMetrics.NAMESPACE,
                "JobsCancelled",
                JobMetrics.FUNCTION,
                "{Ref=" + processing + "}"));
  }

  @Test
  @DisplayName(
      "the dashboard shows the dispatcher's batches and errors beside the jobs it gave up on")
  void dashboardShowsQueuedJobsDispatch() throws Exception {
    String queue = TemplateFacts.queueNamed(template, "UndispatchedJobs");
    assertThat(widgetMetrics("Queued jobs: dispatched and not"))
        .containsExactly(
            List.of("AWS/Lambda", "Invocations", "FunctionName", "{Ref=" + dispatcher + "}"),
            List.of("AWS/Lambda", "Errors", "FunctionName", "{Ref=" + dispatcher + "}"),
            List.of(
                "AWS/SQS",
                "ApproximateNumberOfMessagesVisible",
                "QueueName",
                "{Fn::GetAtt=[" + queue + ", QueueName]}"));
  }

  /** The metrics of the dashboard's widget of this title: namespace, name, dimension, value. */
  private static List<List<String>> widgetMetrics(String title) throws Exception {
    List<List<String>> metrics = new ArrayList<>();
    for (JsonNode metric : widget(title).path("properties").path("metrics")) {
      metrics.add(
          List.of(
              metric.get(0).asText(),
              metric.get(1).asText(),
              metric.get(2).asText(),
              metric.get(3).asText()));
    }
    return metrics;
  }

  /** The dashboard's widget of this title. */
  private static JsonNode widget(String title) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode widget : dashboardBody().path("widgets")) {
      if (title.equals(widget.path("properties").path("title").asText())) {
        found.add(widget);
      }
    }
    assertThat(found).as("widgets titled %s", title).hasSize(1);
    return found.get(0);
  }

  /**
   * The dashboard's body as JSON: the template joins it from text and CloudFormation functions,
   * which stand in it as their Java text (a {@code Ref} as {@code {Ref=id}}, with no quote).
   */
  private static JsonNode dashboardBody() throws Exception {
    Map<?, ?> body =
        (Map<?, ?>)
            properties(template, onlyLogicalId(template, "AWS::CloudWatch::Dashboard"))
                .get("DashboardBody");
    List<?> join = (List<?>) body.get("Fn::Join");
    StringBuilder text = new StringBuilder();
    for (Object part : (List<?>) join.get(1)) {
      text.append(part);
    }
    return new ObjectMapper().readTree(text.toString());
  }

  @Test
  @DisplayName("the dashboard's console URL is the DashboardUrl output")
  void dashboardUrlOutput() {
    String dashboard = onlyLogicalId(template, "AWS::CloudWatch::Dashboard");
    String value = template.findOutputs("DashboardUrl").get("DashboardUrl").get("Value").toString();
    assertThat(value)
        .contains("console.aws.amazon.com/cloudwatch/home?region=")
        .contains("#dashboards:name=")
        .contains("{Ref=" + dashboard + "}");
  }

  @Test
  @DisplayName("the AlarmNamePrefix output is the prefix of every alarm's name")
  void alarmPrefixOutput() {
    template.hasOutput("AlarmNamePrefix", Map.of("Value", prefix));
  }
}
