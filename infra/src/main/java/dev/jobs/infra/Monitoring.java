package dev.jobs.infra;

import dev.jobs.backend.metrics.JobMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.Stage;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Operation;
import software.amazon.awscdk.services.dynamodb.OperationsMetricOptions;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.CfnSubscription;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The stack watching itself: alarms on the ways a job fails, gets lost or late, on the API and the
 * table, and on the processing function's saturation, all sending to one encrypted topic (with an
 * e-mail subscription when {@code AlarmEmail} is set); and a dashboard laid out as the
 * architecture. Alarm names start with {@link #alarmPrefix}, which {@code jobs alarms} filters on.
 */
final class Monitoring extends Construct {
  /** Every alarm evaluates five minutes: CloudWatch's periods are multiples of 60 s. */
  static final Duration PERIOD = Duration.minutes(5);

  static final String LAMBDA = "AWS/Lambda";
  static final String EVENTS = "AWS/Events";

  /** The detail type of a record that a Lambda on-failure destination puts on a bus. */
  static final String DESTINATION_FAILURE = "Lambda Function Invocation Result - Failure";

  private final Topic topic;
  private final Dashboard dashboard;
  private final List<IAlarm> alarms = new ArrayList<>();
  private final String prefix;

  /** What the monitoring watches: the stack's parts. */
  record Watched(
      IFunction processing,
      IFunction errorHandler,
      IFunction cancelling,
      IFunction dispatcher,
      IQueue undispatchedJobs,
      IEventBus failedJobs,
      Rule replayRule,
      IQueue replayDeadLetters,
      Stage apiStage,
      Table table) {}

  Monitoring(Construct scope, String id, StackParameters parameters, Watched watched) {
    super(scope, id);
    prefix = alarmPrefix(Stack.of(this).getStackName());
    Key key =
        Key.Builder.create(this, "Key")
            .description("Encrypts the jobs stack's alarm topic")
            .enableKeyRotation(true)
            .build();
    // CloudWatch publishes the alarms: it must be able to use the topic's key.
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
            .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
            .resources(List.of("*"))
            .build());
    topic =
        Topic.Builder.create(this, "Topic")
            .displayName("jobs alarms")
            .masterKey(key)
            .enforceSsl(true)
            .build();
    CfnSubscription email =
        CfnSubscription.Builder.create(this, "Email")
            .topicArn(topic.getTopicArn())
            .protocol("email")
            .endpoint(parameters.alarmEmail.getValueAsString())
            .build();
    email.getCfnOptions().setCondition(parameters.hasAlarmEmail);

    // Jobs failing.
    alarm(
        "ProcessingErrors",
        "A job run failed (the processing function's errors): see jobs list --status FAILED",
        lambda("Errors", watched.processing(), "Sum"),
        parameters.jobErrorsAlarm.getValueAsNumber());
    alarm(
        "ErrorHandlerErrors",
        "The error handler failed to record a failed job; Lambda retries it, then its destination"
            + " puts the job on the failed-jobs bus",
        lambda("Errors", watched.errorHandler(), "Sum"),
        1);
    // The L1, as the pattern needs replay-name, which the L2's pattern has no field for: replays
    // of these records are the replay rule's, only live ones count here.
    CfnRule unrecorded =
        CfnRule.Builder.create(this, "DestinationRecords")
            .eventBusName(watched.failedJobs().getEventBusName())
            .description(
                "Counts failures the error handler could not record (its destination's records)")
            .eventPattern(
                Map.of(
                    "source",
                    List.of("lambda"),
                    "detail-type",
                    List.of(DESTINATION_FAILURE),
                    "replay-name",
                    List.of(Map.of("exists", false))))
            .build();
    alarm(
        "UnrecordedFailures",
        "A failed job reached the failed-jobs bus through the error handler's destination: it is"
            + " still RUNNING in the table; replay it with jobs replay",
        rule("MatchedEvents", unrecorded.getRef()),
        1);

    // Jobs lost or late.
    alarm(
        "ProcessingEventsDropped",
        "Lambda dropped a job's event without running it (event age or retries exhausted, with the"
            + " destination failing too)",
        lambda("AsyncEventsDropped", watched.processing(), "Sum"),
        1);
    alarm(
        "ProcessingEventAge",
        "Jobs wait too long for a run: the processing function is throttled or saturated",
        lambda("AsyncEventAge", watched.processing(), "Maximum"),
        parameters.eventAgeAlarm.getValueAsNumber());
    alarm(
        "ReplayFailedInvocations",
        "The replay rule could not deliver a replayed job to the processing function",
        rule("FailedInvocations", watched.replayRule().getRuleName()),
        1);
    alarm(
        "ReplayDeadLetters",
        "Replayed jobs that could not be delivered wait in the replay dead-letter queue",
        waiting(watched.replayDeadLetters()),
        1);
    alarm(
        "DispatcherErrors",
        "The dispatcher could not start queued jobs (PUT or retry); the stream retries its batch,"
            + " and the jobs stay QUEUED meanwhile: see jobs list --status QUEUED",
        lambda("Errors", watched.dispatcher(), "Sum"),
        1);
    alarm(
        "UndispatchedJobs",
        "Queued jobs were given up by the dispatcher: they stay QUEUED and never run; cancel them,"
            + " or PUT them again under new ids (the UndispatchedJobs queue holds their records)",
        waiting(watched.undispatchedJobs()),
        1);

    // The edge.
    alarm(
        "Api5xx",
        "The API answered with server errors",
        watched.apiStage().metricServerError(statistic("Sum")),
        1);
    alarm(
        "ApiLatency",
        "The API's p99 latency is above the threshold",
        apiLatency(watched),
        parameters.apiLatencyAlarm.getValueAsNumber());
    alarm(
        "TableThrottles",
        "DynamoDB throttled the table's reads or writes",
        watched
            .table()
            .metricThrottledRequestsForOperations(
                OperationsMetricOptions.builder()
                    .operations(List.of(Operation.UPDATE_ITEM, Operation.GET_ITEM, Operation.QUERY))
                    .period(PERIOD)
                    .build()),
        1);

    // Saturation.
    alarm(
        "ProcessingThrottles",
        "Lambda throttled job runs: the reservation or the account's concurrency is exhausted",
        lambda("Throttles", watched.processing(), "Sum"),
        1);
    concurrencyAlarm(parameters, watched.processing());

    dashboard = dashboard(watched, unrecorded);
  }

  /** The prefix of every alarm name of a stack: a dot, which no stack name contains. */
  static String alarmPrefix(String stackName) {
    return stackName + ".";
  }

  String alarmNamePrefix() {
    return prefix;
  }

  /** The dashboard's console address. */
  String dashboardUrl() {
    return "https://"
        + Aws.REGION
        + ".console.aws.amazon.com/cloudwatch/home?region="
        + Aws.REGION
        + "#dashboards:name="
        + dashboard.getDashboardName();
  }

  private void alarm(String name, String description, IMetric metric, Number threshold) {
    Alarm alarm =
        Alarm.Builder.create(this, name)
            .alarmName(prefix + name)
            .alarmDescription(description)
            .metric(metric)
            .threshold(threshold)
            .evaluationPeriods(1)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            // No data is no failure: an idle stack is a healthy one.
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    alarm.addAlarmAction(new SnsAction(topic));
    alarm.addOkAction(new SnsAction(topic));
    alarms.add(alarm);
  }

  /**
   * Concurrency near the reservation, as a percentage of it (an expression, because CloudFormation
   * cannot multiply a parameter): only when a reservation is set.
   */
  private void concurrencyAlarm(StackParameters parameters, IFunction processing) {
    String reservation = parameters.reservedConcurrency.getValueAsString();
    CfnAlarm alarm =
        CfnAlarm.Builder.create(this, "ProcessingConcurrency")
            .alarmName(prefix + "ProcessingConcurrency")
            .alarmDescription(
                "The processing function uses most of its reserved concurrency: jobs will soon"
                    + " wait or be throttled")
            .comparisonOperator("GreaterThanOrEqualToThreshold")
            .threshold(parameters.concurrencyAlarm.getValueAsNumber())
            .evaluationPeriods(1)
            .treatMissingData("notBreaching")
            .alarmActions(List.of(topic.getTopicArn()))
            .okActions(List.of(topic.getTopicArn()))
            .metrics(
                List.of(
                    CfnAlarm.MetricDataQueryProperty.builder()
                        .id("used")
                        .label("percent of the reservation in use")
                        .expression(Fn.join("", List.of("100 * concurrency / ", reservation)))
                        .returnData(true)
                        .build(),
                    CfnAlarm.MetricDataQueryProperty.builder()
                        .id("concurrency")
                        .returnData(false)
                        .metricStat(
                            CfnAlarm.MetricStatProperty.builder()
                                .metric(
                                    CfnAlarm.MetricProperty.builder()
                                        .namespace(LAMBDA)
                                        .metricName("ConcurrentExecutions")
                                        .dimensions(
                                            List.of(
                                                CfnAlarm.DimensionProperty.builder()
                                                    .name("FunctionName")
                                                    .value(processing.getFunctionName())
                                                    .build()))
                                        .build())
                                .stat("Maximum")
                                .period(PERIOD.toSeconds())
                                .build())
                        .build()))
            .build();
    alarm.getCfnOptions().setCondition(parameters.reservesConcurrency);
  }

  private Dashboard dashboard(Watched watched, CfnRule unrecorded) {
    String function = watched.processing().getFunctionName();
    List<List<IWidget>> rows = new ArrayList<>();
    rows.add(
        List.of(
            TextWidget.Builder.create()
                .markdown(
                    "## jobs\n"
                        + "**API** (submit, get, list, cancel) → **processing function** (runs a job,"
                        + " records it in the table) → on failure the **error handler** records it"
                        + " FAILED and puts it on the **failed-jobs bus**, whose archive **replays**"
                        + " it to the processing function; `jobs cancel` asks a running job to"
                        + " stop; a job named with PUT, or retried, waits QUEUED until the"
                        + " **dispatcher** starts it. Per job: `jobs stats`; alarms: `jobs alarms`.")
                .width(24)
                .height(2)
                .build()));
    rows.add(
        List.of(
            graph(
                "Submitted: API requests",
                List.of(
                    watched.apiStage().metricCount(statistic("Sum")),
                    watched.apiStage().metricClientError(statistic("Sum")),
                    watched.apiStage().metricServerError(statistic("Sum")))),
            graph(
                "Running: processing concurrency",
                List.of(lambda("ConcurrentExecutions", watched.processing(), "Maximum"))),
            graph(
                "Succeeded and failed runs",
                List.of(
                    jobs("Sum", function, JobMetrics.SUCCEEDED),
                    jobs("Sum", function, JobMetrics.FAILED))),
            graph(
                "Run time (p50, p95)",
                List.of(jobsStat(function, "p50"), jobsStat(function, "p95")))));
    // After a run: what failed, what was replayed, what was cancelled.
    rows.add(
        List.of(
            graph(
                "Failures recorded and unrecorded",
                List.of(
                    lambda("Invocations", watched.errorHandler(), "Sum"),
                    lambda("Errors", watched.errorHandler(), "Sum"),
                    rule("MatchedEvents", unrecorded.getRef())),
                8),
            graph(
                "Replays",
                List.of(
                    rule("Invocations", watched.replayRule().getRuleName()),
                    rule("FailedInvocations", watched.replayRule().getRuleName())),
                8),
            graph(
                "Cancels: requested and stopped",
                List.of(
                    labelled(lambda("Invocations", watched.cancelling(), "Sum"), "cancel requests"),
                    labelled(
                        lambda("Errors", watched.cancelling(), "Sum"), "cancel function errors"),
                    labelled(
                        jobs("Sum", function, JobMetrics.CANCELLED), "runs stopped by a cancel")),
                8)));
    // The edges: jobs waiting for a run or for their dispatch, callers waiting for the API.
    rows.add(
        List.of(
            graph(
                "Waiting: event age and drops",
                List.of(
                    lambda("AsyncEventAge", watched.processing(), "Maximum"),
                    lambda("AsyncEventsDropped", watched.processing(), "Sum"),
                    lambda("Throttles", watched.processing(), "Sum")),
                8),
            graph(
                "Queued jobs: dispatched and not",
                List.of(
                    labelled(
                        lambda("Invocations", watched.dispatcher(), "Sum"), "dispatcher batches"),
                    labelled(lambda("Errors", watched.dispatcher(), "Sum"), "dispatcher errors"),
                    labelled(
                        waiting(watched.undispatchedJobs()),
                        "jobs given up (UndispatchedJobs queue)")),
                8),
            graph("API latency (p99)", List.of(apiLatency(watched)), 8)));
    rows.add(
        List.of(
            AlarmStatusWidget.Builder.create()
                .title("Alarms")
                .alarms(alarms)
                .width(24)
                .height(4)
                .build()));
    return Dashboard.Builder.create(this, "Dashboard")
        .dashboardName(Stack.of(this).getStackName())
        .widgets(rows)
        .build();
  }

  /**
   * The messages waiting in a queue: the stream records the dispatcher gave up on, or the replayed
   * jobs that could not be delivered.
   */
  private static Metric waiting(IQueue queue) {
    return queue.metricApproximateNumberOfMessagesVisible(statistic("Maximum"));
  }

  /** The API's p99 latency, which its alarm watches and the dashboard shows. */
  private static Metric apiLatency(Watched watched) {
    return watched.apiStage().metricLatency(statistic("p99"));
  }

  /** A statistic over the alarms' {@link #PERIOD}. */
  private static MetricOptions statistic(String statistic) {
    return MetricOptions.builder().statistic(statistic).period(PERIOD).build();
  }

  private static GraphWidget graph(String title, List<IMetric> metrics) {
    return graph(title, metrics, 6);
  }

  private static GraphWidget graph(String title, List<IMetric> metrics, int width) {
    return GraphWidget.Builder.create().title(title).left(metrics).width(width).height(6).build();
  }

  /** A metric with a legend that says what it counts where its name alone would not. */
  private static IMetric labelled(Metric metric, String label) {
    return metric.with(MetricOptions.builder().label(label).build());
  }

  private static Metric lambda(String name, IFunction function, String statistic) {
    return Metric.Builder.create()
        .namespace(LAMBDA)
        .metricName(name)
        .dimensionsMap(Map.of("FunctionName", function.getFunctionName()))
        .statistic(statistic)
        .period(PERIOD)
        .build();
  }

  /**
   * A metric of a rule on the failed-jobs bus. A custom bus's rules report under both {@code
   * EventBusName} and {@code RuleName}, and such a rule's {@code Ref} is {@code bus|rule}, so the
   * dimensions are its two halves.
   */
  private static Metric rule(String name, String ruleRef) {
    return Metric.Builder.create()
        .namespace(EVENTS)
        .metricName(name)
        .dimensionsMap(
            Map.of(
                "EventBusName",
                Fn.select(0, Fn.split("|", ruleRef)),
                "RuleName",
                Fn.select(1, Fn.split("|", ruleRef))))
        .statistic("Sum")
        .period(PERIOD)
        .build();
  }

  /** A job metric of the backend's EMF records, summed over the job types. */
  private static Metric jobs(String statistic, String function, String name) {
    return Metric.Builder.create()
        .namespace(JobMetrics.NAMESPACE)
        .metricName(name)
        .dimensionsMap(Map.of(JobMetrics.FUNCTION, function))
        .statistic(statistic)
        .period(PERIOD)
        .build();
  }

  private static Metric jobsStat(String function, String statistic) {
    return jobs(statistic, function, JobMetrics.RUN_TIME);
  }
}
