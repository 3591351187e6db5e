package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.handler.FailureRecorder;
import dev.jobs.backend.handler.JobProcessor;
import dev.jobs.backend.job.JobJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import tools.jackson.databind.JsonNode;

/**
 * A job's log through the AWS SDK's CloudWatch Logs client, as {@code jobs logs} reads it: the
 * built-in {@code flaky} kind writes three lines per attempt; with two retries 10 ms apart, a job
 * failing twice runs three attempts in one invocation.
 */
class JobLogsIT {
  @RegisterExtension
  static final RunningRuntime local =
      new RunningRuntime(
          options -> options.processing(p -> p.withRetries(2, Duration.ofMillis(10))));

  private static CloudWatchLogsClient logs;
  private static String processingGroup;
  private static String failuresGroup;

  @BeforeAll
  static void readTheStackOutputs() {
    logs = AwsClients.cloudWatchLogs(local.runtime());
    Map<String, String> outputs =
        AwsClients.cloudFormation(local.runtime())
            .describeStacks(r -> r.stackName(local.runtime().stack().stackName()))
            .stacks()
            .get(0)
            .outputs()
            .stream()
            .collect(Collectors.toMap(Output::outputKey, Output::outputValue));
    processingGroup = outputs.get("ProcessingLogGroupName");
    failuresGroup = outputs.get("FailedJobsLogGroupName");
  }

  @AfterAll
  static void closeTheClient() {
    logs.close();
  }

  private static String finishedFlaky(int failures) {
    String id =
        local
            .api()
            .submit("{\"type\":\"flaky\",\"failures\":" + failures + "}")
            .body()
            .get("id")
            .asString();
    local.api().awaitTerminal(id, Duration.ofSeconds(10));
    return id;
  }

  private static String ofJob(String id) {
    return "{ $.jobId = \"" + id + "\" }";
  }

  /** Every page of a filter, as a reader pages until there is no token. */
  private static List<FilteredLogEvent> all(FilterLogEventsRequest request) {
    List<FilteredLogEvent> events = new ArrayList<>();
    logs.filterLogEventsPaginator(request).events().forEach(events::add);
    return events;
  }

  /** A filter on the job's lines in {@code group}. */
  private static FilterLogEventsRequest.Builder jobRequest(String group, String id) {
    return FilterLogEventsRequest.builder().logGroupName(group).filterPattern(ofJob(id));
  }

  /** Every line of the job in {@code group}, page after page. */
  private static List<FilteredLogEvent> jobEvents(String group, String id) {
    return all(jobRequest(group, id).build());
  }

  private static JsonNode json(FilteredLogEvent event) {
    return JobJson.MAPPER.readTree(event.message());
  }

  private static List<JsonNode> kindLines(List<FilteredLogEvent> events) {
    return events.stream()
        .map(JobLogsIT::json)
        .filter(event -> event.path("logger").asString().equals("flaky"))
        .toList();
  }

  @Test
  void aJobThatFailsTwiceThenSucceeds_hasItsNineLinesInOrderTaggedByAttempt() {
    String id = finishedFlaky(2);

    List<FilteredLogEvent> events = jobEvents(processingGroup, id);

    List<JsonNode> lines = kindLines(events);
    assertThat(lines).hasSize(9);
    assertThat(lines)
        .extracting(line -> line.path("attempt").asInt())
        .containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 3);
    assertThat(lines.get(0).path("message").asString())
        .isEqualTo("attempt 1: starting; the first 2 attempts fail");
    assertThat(lines.get(8).path("message").asString()).isEqualTo("attempt 3: succeeding");
    assertThat(events).extracting(FilteredLogEvent::timestamp).isSorted();
    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(json(event).path("jobId").asString()).isEqualTo(id);
              assertThat(event.logStreamName()).matches("\\d{4}/\\d{2}/\\d{2}/\\[1\\][0-9a-f]{32}");
              assertThat(event.ingestionTime()).isGreaterThanOrEqualTo(event.timestamp());
              assertThat(event.eventId()).isNotBlank();
            });
    assertThat(
            events.stream()
                .map(JobLogsIT::json)
                .filter(e -> e.path("logger").asString().equals(JobProcessor.LOGGER))
                .map(e -> e.path("message").asString().replaceAll(":.*", "")))
        .containsExactly("started", "failed", "started", "failed", "started", "succeeded");
  }

  @Test
  void aPatternOnJobAndAttempt_findsThatAttemptsLinesOnly() {
    String id = finishedFlaky(2);

    List<FilteredLogEvent> events =
        all(
            FilterLogEventsRequest.builder()
                .logGroupIdentifier(processingGroup)
                .filterPattern("{ ($.jobId = \"" + id + "\") && ($.attempt = 2) }")
                .build());

    assertThat(kindLines(events)).hasSize(3);
    assertThat(events).allSatisfy(e -> assertThat(json(e).path("attempt").asInt()).isEqualTo(2));
  }

  @Test
  void pagesOfTwo_giveTheSameLinesAsOnePage() {
    String id = finishedFlaky(2);
    FilterLogEventsRequest.Builder request = jobRequest(processingGroup, id);
    List<FilteredLogEvent> whole = all(request.build());

    List<FilteredLogEvent> paged = new ArrayList<>();
    int pages = 0;
    String token = null;
    do {
      FilterLogEventsResponse page =
          logs.filterLogEvents(request.limit(2).nextToken(token).build());
      assertThat(page.events().size()).isLessThanOrEqualTo(2);
      paged.addAll(page.events());
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(paged).isEqualTo(whole);
    assertThat(pages).isGreaterThanOrEqualTo(whole.size() / 2);
  }

  @Test
  void anotherJobsLines_neverMatch() {
    String one = finishedFlaky(1);
    String other = finishedFlaky(1);

    List<FilteredLogEvent> events = jobEvents(processingGroup, one);

    assertThat(events).isNotEmpty();
    assertThat(events).allSatisfy(e -> assertThat(e.message()).doesNotContain(other));
  }

  @Test
  void aJobThatFailsEveryAttempt_hasTheErrorHandlersLineInItsGroup() {
    String id = finishedFlaky(3);

    List<FilteredLogEvent> events = jobEvents(failuresGroup, id);

    assertThat(events).hasSize(1);
    JsonNode line = json(events.get(0));
    assertThat(line.path("logger").asString()).isEqualTo(FailureRecorder.LOGGER);
    assertThat(line.path("level").asString()).isEqualTo("ERROR");
    assertThat(line.path("message").asString())
        .startsWith("recorded FAILED: dev.jobs.kind.JobFailedException: failing on purpose")
        .endsWith("[RetriesExhausted]");
  }

  @Test
  void aTimeWindow_boundsTheEvents() {
    String id = finishedFlaky(1);
    List<FilteredLogEvent> whole = jobEvents(processingGroup, id);
    long last = whole.get(whole.size() - 1).timestamp();

    List<FilteredLogEvent> after = all(jobRequest(processingGroup, id).startTime(last + 1).build());

    assertThat(after).isEmpty();
  }

  @Test
  void describeLogGroups_listsTheTwoGroupsTheStackOutputs() {
    List<LogGroup> groups =
        logs.describeLogGroups(r -> r.logGroupNamePrefix("/aws/lambda/")).logGroups();

    assertThat(groups)
        .extracting(LogGroup::logGroupName)
        .containsExactly(processingGroup, failuresGroup);
    assertThat(groups).allSatisfy(g -> assertThat(g.retentionInDays()).isPositive());
  }

  @Test
  void anUnknownGroup_isNotFound() {
    assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName("/aws/lambda/nothing")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aPatternTheRuntimeDoesNotServe_isRefusedInOneLine() {
    assertThatThrownBy(
            () ->
                logs.filterLogEvents(
                    r -> r.logGroupName(processingGroup).filterPattern("[ip, user]")))
        .isInstanceOf(CloudWatchLogsException.class)
        .hasMessageContaining("Invalid filter pattern for the local runtime");
  }
}
