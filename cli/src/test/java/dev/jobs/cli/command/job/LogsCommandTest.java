package dev.jobs.cli.command.job;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.OnLocalTarget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code jobs logs}: the filter sent, pages, the merge of two groups, the checks, --follow. */
class LogsCommandTest extends OnLocalTarget {
  static final String PROCESSING = FakeAws.processingLogGroup("jobs-local");
  static final String FAILED_JOBS = FakeAws.failedJobsLogGroup("jobs-local");

  static final String FAILED =
      "{\"id\":\"job-1\",\"status\":\"FAILED\",\"type\":\"flaky\",\"attempts\":2,"
          + "\"queuedAt\":\"2026-12-06T10:00:00Z\",\"startedAt\":\"2026-12-06T10:00:01Z\","
          + "\"finishedAt\":\"2026-12-06T10:00:09Z\",\"error\":{\"type\":\"JobFailedException\","
          + "\"message\":\"no\",\"condition\":\"RetriesExhausted\"}}";
  static final String RUNNING =
      "{\"id\":\"job-1\",\"status\":\"RUNNING\",\"type\":\"flaky\",\"attempts\":1,"
          + "\"queuedAt\":\"2026-12-06T10:00:00Z\",\"startedAt\":\"2026-12-06T10:00:01Z\"}";

  /** A line as the processing function writes it, as a FilteredLogEvent. */
  static String event(String id, String jobId, int attempt, String second, String message) {
    String json =
        "{\\\"timestamp\\\":\\\"2026-12-06T10:00:0"
            + second
            + "Z\\\",\\\"level\\\":\\\"INFO\\\",\\\"message\\\":\\\""
            + message
            + "\\\",\\\"requestId\\\":\\\"r\\\",\\\"logger\\\":\\\"flaky\\\",\\\"jobId\\\":\\\""
            + jobId
            + "\\\""
            + (attempt == 0 ? "" : ",\\\"attempt\\\":" + attempt)
            + "}";
    return "{\"logStreamName\":\"s\",\"timestamp\":1,\"message\":\""
        + json
        + "\",\"ingestionTime\":1,\"eventId\":\""
        + id
        + "\"}";
  }

  static String page(String next, String... events) {
    return "{\"events\":["
        + String.join(",", events)
        + "]"
        + (next == null ? "" : ",\"nextToken\":\"" + next + "\"")
        + "}";
  }

  void group(String group, String body) {
    wire.stubFor(
        FakeAws.logs("FilterLogEvents")
            .withRequestBody(matchingJsonPath("$.logGroupName", WireMock.equalTo(group)))
            .withRequestBody(WireMock.notContaining("nextToken"))
            .willReturn(FakeAws.json11(body)));
  }

  @Test
  void logs_readsEveryPageOfBothGroups_inTimeOrder_withoutAnotherJobsLines() {
    aws.jobAnswers("job-1", FAILED);
    group(
        PROCESSING,
        page("p2", event("e1", "job-1", 1, "1", "one"), event("e3", "job-1", 2, "3", "three")));
    wire.stubFor(
        FakeAws.logs("FilterLogEvents")
            .withRequestBody(matchingJsonPath("$.nextToken", WireMock.equalTo("p2")))
            .willReturn(
                FakeAws.json11(
                    page(
                        null,
                        event("x1", "job-10", 2, "4", "another job's"),
                        event("e5", "job-1", 2, "5", "five")))));
    group(FAILED_JOBS, page(null, event("e4", "job-1", 0, "4", "recorded FAILED")));

    CliRun.Result result = jobs.run("logs", "job-1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines().toList())
        .containsExactly(
            "2026-12-06T10:00:01Z  attempt 1  INFO  one",
            "2026-12-06T10:00:03Z  attempt 2  INFO  three",
            "2026-12-06T10:00:04Z  -          INFO  recorded FAILED",
            "2026-12-06T10:00:05Z  attempt 2  INFO  five");
    // The pattern on the job, within the record's times a minute wider.
    wire.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(
                matchingJsonPath("$.filterPattern", WireMock.equalTo("{ $.jobId = \"job-1\" }")))
            .withRequestBody(matchingJsonPath("$.startTime", WireMock.equalTo("1796551140000")))
            .withRequestBody(matchingJsonPath("$.endTime", WireMock.equalTo("1796551269000"))));
  }

  @Test
  void logs_attempt_sendsTheAttemptInThePattern_andShowsOnlyThatAttempt() {
    aws.jobAnswers("job-1", FAILED);
    group(
        PROCESSING,
        page(null, event("e1", "job-1", 1, "1", "one"), event("e3", "job-1", 2, "3", "three")));
    group(FAILED_JOBS, page(null, event("e4", "job-1", 0, "4", "recorded FAILED")));

    CliRun.Result result = jobs.run("logs", "job-1", "--attempt", "2");

    assertThat(result.out()).isEqualTo("2026-12-06T10:00:03Z  attempt 2  INFO  three\n");
    wire.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(containing("{ ($.jobId = \\\"job-1\\\") && ($.attempt = 2) }")));
  }

  @Test
  void logs_json_printsEachStoredEventOnALine() {
    aws.jobAnswers("job-1", FAILED);
    group(PROCESSING, page(null, event("e1", "job-1", 1, "1", "one")));
    group(FAILED_JOBS, page(null));

    CliRun.Result result = jobs.run("logs", "job-1", "--output", "json");

    assertThat(result.out())
        .isEqualTo(
            "{\"timestamp\":\"2026-12-06T10:00:01Z\",\"level\":\"INFO\",\"message\":\"one\","
                + "\"requestId\":\"r\",\"logger\":\"flaky\",\"jobId\":\"job-1\",\"attempt\":1}\n");
  }

  @Test
  void logs_unknownJob_exits6_andReadsNoLog() {
    wire.stubFor(get("/prod/jobs/job-9").willReturn(FakeAws.jobNotFound()));

    CliRun.Result result = jobs.run("logs", "job-9");

    assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(result.err()).isEqualTo("jobs: job job-9 not found\n");
    assertThat(
            wire.findAll(
                postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", containing("Logs"))))
        .isEmpty();
  }

  @Test
  void follow_printsEachLineOnce_untilTheJobEnds_thenExitsWithItsCode() {
    // The first answer is the read before --follow starts.
    aws.jobAnswers("job-1", RUNNING, RUNNING, RUNNING, FAILED);
    wire.stubFor(
        FakeAws.logs("FilterLogEvents")
            .inScenario("log")
            .whenScenarioStateIs(STARTED)
            .withRequestBody(matchingJsonPath("$.logGroupName", WireMock.equalTo(PROCESSING)))
            .willReturn(FakeAws.json11(page(null, event("e1", "job-1", 1, "1", "one"))))
            .willSetStateTo("more"));
    wire.stubFor(
        FakeAws.logs("FilterLogEvents")
            .inScenario("log")
            .whenScenarioStateIs("more")
            .withRequestBody(matchingJsonPath("$.logGroupName", WireMock.equalTo(PROCESSING)))
            .willReturn(
                FakeAws.json11(
                    page(
                        null,
                        event("e1", "job-1", 1, "1", "one"),
                        event("e2", "job-1", 2, "2", "two")))));
    group(FAILED_JOBS, page(null));

    CliRun.Result result = jobs.run("logs", "job-1", "--follow");

    assertThat(result.exitCode()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(result.out().lines().toList())
        .containsExactly(
            "2026-12-06T10:00:01Z  attempt 1  INFO  one",
            "2026-12-06T10:00:02Z  attempt 2  INFO  two");
    assertThat(jobs.slept()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void wait_failedJob_endsWithTheFailedAttemptsLastLines() {
    aws.jobAnswers("job-1", FAILED);
    group(
        PROCESSING,
        page(null, event("e1", "job-1", 1, "1", "one"), event("e3", "job-1", 2, "3", "three")));
    group(FAILED_JOBS, page(null));

    CliRun.Result result = jobs.run("wait", "job-1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(result.out())
        .endsWith(
            "\nlast lines of attempt 2 (all of them: jobs logs job-1):\n"
                + "2026-12-06T10:00:03Z  attempt 2  INFO  three\n");
  }

  @Test
  void wait_failedJob_whenTheCredentialsMayNotReadLogs_saysSoInOneLine() {
    aws.jobAnswers("job-1", FAILED);
    wire.stubFor(
        FakeAws.logs("FilterLogEvents")
            .willReturn(
                FakeAws.jsonError(
                    400, "AccessDeniedException", "not authorized to FilterLogEvents")));

    CliRun.Result result = jobs.run("wait", "job-1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(result.out().lines().toList().get(result.out().lines().toList().size() - 1))
        .startsWith("(your credentials may not read the job's log: FilterLogEvents ");
  }

  @Test
  void wait_failedJob_quietOrJson_addsNoLines() {
    aws.jobAnswers("job-1", FAILED);

    assertThat(jobs.run("wait", "job-1", "-q").out()).isEqualTo("FAILED\n");
    assertThat(jobs.run("wait", "job-1", "--output", "json").out().lines().toList()).hasSize(1);
    assertThat(
            wire.findAll(
                postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", containing("Logs"))))
        .isEmpty();
  }
}
