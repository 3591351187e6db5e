package dev.jobs.cli.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.jobs.backend.handler.FailureRecorder;
import dev.jobs.backend.handler.JobProcessor;
import dev.jobs.backend.log.JobLogLine;
import dev.jobs.backend.log.JobLogger;
import dev.jobs.backend.store.MotoForClass;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.session.AwsClients;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.MotoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * {@code jobs logs} on the AWS path, in process, against a real CloudWatch Logs API: a {@code
 * moto_server} on loopback holds the stack's two log groups, with lines written by the backend's
 * own {@link JobLogger} (the function's JSON log format) in several log streams, the way Lambda
 * keeps one stream per execution environment. The jobs API that gives the job's record is WireMock.
 * The target is stored as {@code jobs target add} stores an AWS one (a profile, a region, the API
 * URL, the log group names, no endpoint); only CloudWatch Logs is pointed at moto, by {@code
 * AWS_ENDPOINT_URL_CLOUDWATCH_LOGS} as the AWS CLI reads it.
 *
 * <p>moto 5.2's {@code FilterLogEvents} does not understand JSON filter patterns: a pattern that
 * starts with {@code {} matches every event ({@code moto/logs/utils.py}, {@code
 * UnsupportedFilterPattern}). It does honour the time window and pages at 10,000 events. So here
 * the other job's lines do reach the CLI, and its own check of each event's {@code jobId} is what
 * keeps them out; each test that relies on that shows moto sending them first.
 */
class JobLogOnMotoIT {
  private static final String PROCESSING = FakeAws.processingLogGroup("jobs");
  private static final String FAILED_JOBS = FakeAws.failedJobsLogGroup("jobs");
  private static final String JOB = "4e8294c6-72e0-472e-83d3-e47ea6ac6c4f";
  private static final String OTHER = "9b1f0a77-3c52-4e0b-8d1e-5a6f2c7d9e01";

  @RegisterExtension
  static final MotoForClass MOTO = new MotoForClass("the jobs logs integration test on moto");

  private static CloudWatchLogsClient logs;

  @RegisterExtension static final WireMockExtension api = FakeAws.server();

  @TempDir Path home;
  private CliRun jobs;

  /** Ten minutes ago to the second: moto takes events of the last 14 days only. */
  private final Instant base =
      Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

  @BeforeAll
  static void connect() {
    logs = MotoClients.of(MOTO, AwsClients::logs);
  }

  @BeforeEach
  void onMoto() throws Exception {
    MOTO.server().reset();
    logs.createLogGroup(b -> b.logGroupName(PROCESSING));
    logs.createLogGroup(b -> b.logGroupName(FAILED_JOBS));
    Files.createDirectories(home.resolve(".jobs"));
    Files.writeString(
        home.resolve(".jobs/config.json"),
        """
        {"current": "prod", "targets": [{"name": "prod", "stackName": "jobs", \
        "region": "us-east-1", "profile": "operator", "apiUrl": "%s/prod", \
        "processingLogGroupName": "%s", "failedJobsLogGroupName": "%s"}]}"""
            .formatted(new FakeAws(api).endpoint(), PROCESSING, FAILED_JOBS));
    Path credentials = MotoForClass.credentialsFile(home, "operator");
    jobs =
        new CliRun(home)
            .realClock()
            .env("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", MOTO.server().endpoint().toString())
            .env("AWS_SHARED_CREDENTIALS_FILE", credentials.toString())
            .env("AWS_CONFIG_FILE", home.resolve("no-config").toString());
    // Queued at base, failed for good 5 s later: the CLI reads from a minute before to a minute
    // after.
    api.stubFor(
        get("/prod/jobs/" + JOB)
            .willReturn(
                FakeAws.json(
                    200,
                    """
                    {"id": "%s", "status": "FAILED", "type": "flaky", "attempts": 2, \
                    "queuedAt": "%s", "startedAt": "%s", "finishedAt": "%s", \
                    "error": {"type": "JobFailedException", "message": "no", \
                    "condition": "RetriesExhausted"}}"""
                        .formatted(JOB, base, base.plusSeconds(1), base.plusSeconds(5)))));
  }

  /** One line as the backend writes it: {@code millis} after {@link #base}, by {@code logger}. */
  private JobLogLine line(
      String jobId,
      Integer attempt,
      String logger,
      long millis,
      System.Logger.Level level,
      String message,
      Throwable thrown,
      Map<String, ?> fields) {
    List<JobLogLine> written = new ArrayList<>();
    Clock at = Clock.fixed(base.plusMillis(millis), ZoneOffset.UTC);
    new JobLogger(
            logger,
            jobId,
            attempt,
            new JobLogger.Target(
                written::add, at, "request-" + (attempt == null ? "handler" : attempt)))
        .log(level, message, thrown, fields);
    return written.get(0);
  }

  private JobLogLine info(String jobId, Integer attempt, String logger, long millis, String text) {
    return line(jobId, attempt, logger, millis, System.Logger.Level.INFO, text, null, Map.of());
  }

  private JobLogLine failed(String jobId, int attempt, long millis) {
    return line(
        jobId,
        attempt,
        JobProcessor.LOGGER,
        millis,
        System.Logger.Level.ERROR,
        "failed: no",
        new IllegalStateException("no"),
        Map.of());
  }

  private JobLogLine recordedFailed(String jobId, long millis) {
    return line(
        jobId,
        null,
        FailureRecorder.LOGGER,
        millis,
        System.Logger.Level.ERROR,
        "recorded FAILED: JobFailedException: no [RetriesExhausted]",
        null,
        Map.of(
            "errorType", "JobFailedException",
            "condition", "RetriesExhausted",
            "approximateInvokeCount", 3));
  }

  /** Puts the lines in a new stream of the group, in time order as PutLogEvents wants them. */
  private static void put(String group, String stream, List<JobLogLine> lines) {
    logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
    List<InputLogEvent> events =
        lines.stream()
            .sorted(Comparator.comparingLong(JobLogLine::timestamp))
            .map(l -> InputLogEvent.builder().timestamp(l.timestamp()).message(l.json()).build())
            .toList();
    // Batches as a real client sends them: PutLogEvents takes at most 10,000 events and 1 MiB.
    for (int from = 0; from < events.size(); from += 2_000) {
      List<InputLogEvent> batch = events.subList(from, Math.min(events.size(), from + 2_000));
      logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(batch));
    }
  }

  /** The job's seven lines over two attempts, and the other job's three, in the stack's groups. */
  private List<JobLogLine> twoFailedAttempts() {
    List<JobLogLine> attempt1 =
        List.of(
            info(JOB, 1, JobProcessor.LOGGER, 1_000, "started: attempt 1 of a flaky job"),
            info(JOB, 1, "flaky", 1_250, "read 3 rows"),
            failed(JOB, 1, 1_500));
    List<JobLogLine> attempt2 =
        List.of(
            info(JOB, 2, JobProcessor.LOGGER, 3_000, "started: attempt 2 of a flaky job"),
            info(JOB, 2, "flaky", 3_250, "read 3 rows"),
            failed(JOB, 2, 3_500));
    JobLogLine recorded = recordedFailed(JOB, 5_000);
    // Lambda writes a stream per execution environment; moto returns streams in the order they
    // were made, each in time order: attempt 2's stream first, so only the CLI's merge orders them.
    put(
        PROCESSING,
        "2026/12/06/[$LATEST]b2",
        List.of(
            attempt2.get(0),
            attempt2.get(1),
            info(OTHER, 1, "flaky", 3_100, "waiting for " + JOB + " to end"),
            attempt2.get(2)));
    put(
        PROCESSING,
        "2026/12/06/[$LATEST]a1",
        List.of(
            attempt1.get(0),
            info(OTHER, 1, JobProcessor.LOGGER, 1_100, "started: attempt 1 of a flaky job"),
            attempt1.get(1),
            attempt1.get(2)));
    put(FAILED_JOBS, "2026/12/06/[$LATEST]f1", List.of(recorded, recordedFailed(OTHER, 5_000)));
    List<JobLogLine> all = new ArrayList<>(attempt1);
    all.addAll(attempt2);
    all.add(recorded);
    return all;
  }

  /** The text line of a time {@code millis} after {@link #base}. */
  private String text(long millis, String attempt, String level, String message) {
    return String.format(
        Locale.ROOT, "%s  %-10s %-5s %s", base.plusMillis(millis), attempt, level, message);
  }

  /** What moto gives the CLI for its filter: every event of the group in the window. */
  private static List<String> motoAnswers(String group, String pattern) {
    return logs
        .filterLogEventsPaginator(b -> b.logGroupName(group).filterPattern(pattern))
        .events()
        .stream()
        .map(FilteredLogEvent::message)
        .toList();
  }

  @Test
  void logs_printsTheJobsLinesOfBothGroups_inTimeOrder_andNoneOfAnotherJobs() {
    twoFailedAttempts();
    // moto ignores the JSON pattern: the other job's lines reach the CLI.
    String pattern = new JobLog(logs, List.of(PROCESSING), JOB, null).filterPattern();
    assertThat(motoAnswers(PROCESSING, pattern)).anyMatch(m -> m.contains(OTHER));

    CliRun.Result result = jobs.run("logs", JOB);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out().lines().toList())
        .containsExactly(
            text(1_000, "attempt 1", "INFO", "started: attempt 1 of a flaky job"),
            text(1_250, "attempt 1", "INFO", "read 3 rows"),
            text(1_500, "attempt 1", "ERROR", "failed: no"),
            text(3_000, "attempt 2", "INFO", "started: attempt 2 of a flaky job"),
            text(3_250, "attempt 2", "INFO", "read 3 rows"),
            text(3_500, "attempt 2", "ERROR", "failed: no"),
            text(
                5_000, "-", "ERROR", "recorded FAILED: JobFailedException: no [RetriesExhausted]"));
    assertThat(result.out()).doesNotContain("waiting for");
  }

  @Test
  void logs_json_printsEachStoredEventOnALine_asTheFunctionWroteIt() {
    List<JobLogLine> written = twoFailedAttempts();

    CliRun.Result result = jobs.run("logs", JOB, "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines().toList())
        .containsExactlyElementsOf(written.stream().map(JobLogLine::json).toList());
    assertThat(result.out()).doesNotContain(OTHER);
  }

  @Test
  void logs_attempt_printsOnlyThatAttemptsLines() {
    twoFailedAttempts();

    CliRun.Result result = jobs.run("logs", JOB, "--attempt", "2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines().toList())
        .containsExactly(
            text(3_000, "attempt 2", "INFO", "started: attempt 2 of a flaky job"),
            text(3_250, "attempt 2", "INFO", "read 3 rows"),
            text(3_500, "attempt 2", "ERROR", "failed: no"));
  }

  @Test
  void logs_follow_ofAnEndedJob_printsEachLineOnce_andExitsWithTheJobsCode() {
    twoFailedAttempts();

    CliRun.Result result = jobs.run("logs", JOB, "--follow");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(result.out().lines()).hasSize(7).doesNotHaveDuplicates();
  }

  @Test
  void logs_readsEveryPage_pastAPageOfAnotherJobsLines() {
    List<JobLogLine> other = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      other.add(info(OTHER, 1, "chatty", 1_000 + i / 10, "line " + i));
    }
    put(PROCESSING, "2026/12/06/[$LATEST]c1", other);
    put(
        PROCESSING,
        "2026/12/06/[$LATEST]a1",
        List.of(
            info(JOB, 1, JobProcessor.LOGGER, 1_000, "started: attempt 1 of a flaky job"),
            failed(JOB, 1, 1_500)));
    // moto's first page is the other job's 10,000 lines; the job's come after its nextToken.
    FilterLogEventsResponse first =
        logs.filterLogEvents(
            b ->
                b.logGroupName(PROCESSING)
                    .filterPattern(new JobLog(logs, List.of(), JOB, null).filterPattern()));
    assertThat(first.events()).hasSize(10_000).allMatch(e -> e.message().contains(OTHER));
    assertThat(first.nextToken()).isNotNull();

    CliRun.Result result = jobs.run("logs", JOB);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines().toList())
        .containsExactly(
            text(1_000, "attempt 1", "INFO", "started: attempt 1 of a flaky job"),
            text(1_500, "attempt 1", "ERROR", "failed: no"));
  }
}
