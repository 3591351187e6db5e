package dev.jobs.cli.command.job;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.OnLocalTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * {@code jobs redrive}: re-drives jobs from their records, by id or by filter, with what every bulk
 * command does (dry run, confirmation, rate, Ctrl-C, summary).
 */
class RedriveCommandTest extends OnLocalTarget {
  static String record(String id, String status, int attempts) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\""
        + status
        + "\",\"type\":\"flaky\",\"parameters\":{\"failures\":1},\"attempts\":"
        + attempts
        + ",\"startedAt\":\"2026-11-29T10:00:00Z\",\"finishedAt\":\"2026-11-29T10:00:01Z\","
        + "\"error\":{\"type\":\"dev.jobs.kind.JobFailedException\",\"message\":\"on purpose\","
        + "\"condition\":\"RetriesExhausted\"}}";
  }

  static String queued(String id) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\"QUEUED\",\"type\":\"flaky\",\"parameters\":{\"failures\":1},"
        + "\"attempts\":1,\"queuedAt\":\"2026-11-29T11:00:00Z\"}";
  }

  void retried(String id) {
    wire.stubFor(
        post(urlPathEqualTo("/prod/jobs/" + id + "/retry"))
            .willReturn(FakeAws.json(202, queued(id))));
  }

  void refused(String id, String status) {
    wire.stubFor(
        post("/prod/jobs/" + id + "/retry")
            .willReturn(
                FakeAws.json(
                    409,
                    "{\"message\":\"job "
                        + id
                        + " is "
                        + status
                        + ": only a FAILED job is retried\"}")));
  }

  void ended(String id, String status) {
    wire.stubFor(get("/prod/jobs/" + id).willReturn(FakeAws.json(200, record(id, status, 2))));
  }

  List<LoggedRequest> retries() {
    return wire.findAll(postRequestedFor(urlPathMatching("/prod/jobs/.*/retry")));
  }

  /** The FAILED flaky jobs that failed RetriesExhausted, in two pages. */
  void failedFlakyJobs(String... ids) {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      (i < 2 ? first : second).add(record(ids[i], "FAILED", 1));
    }
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs"))
            .withQueryParam("status", equalTo("FAILED"))
            .withQueryParam("type", equalTo("flaky"))
            .withQueryParam("condition", equalTo("RetriesExhausted"))
            .withQueryParam("next", absent())
            .willReturn(
                FakeAws.json(
                    200,
                    "{\"jobs\":["
                        + String.join(",", first)
                        + "]"
                        + (second.isEmpty() ? "" : ",\"next\":\"page2\"")
                        + "}")));
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs"))
            .withQueryParam("next", equalTo("page2"))
            .willReturn(FakeAws.json(200, "{\"jobs\":[" + String.join(",", second) + "]}")));
  }

  static String[] ids(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "job-" + i).toArray(String[]::new);
  }

  static String[] args(String[] ids, String... more) {
    List<String> args = new ArrayList<>(List.of("redrive"));
    args.addAll(List.of(ids));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void redriveIds_eachOutcomeNamed_exits3WhenOneIsRefused() {
    retried("job-1");
    refused("job-2", "RUNNING");
    refused("job-3", "SUCCEEDED");

    CliRun.Result result = jobs.run("redrive", "job-1", "job-2", "job-3");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(result.out())
        .isEqualTo(
            "re-driven 1: job-1\n"
                + "skipped, changed meanwhile 1: job-2\n"
                + "refused 1: job-3\n"
                + "  job-3: job job-3 is SUCCEEDED: only a FAILED job is retried\n");
    assertThat(retries()).hasSize(3);
    assertThat(retries().get(0).getQueryParams()).isEmpty();
  }

  @Test
  void redriveIds_allRedriven_exits0() {
    retried("job-1");
    refused("job-2", "QUEUED");

    CliRun.Result result = jobs.run("redrive", "job-1", "job-2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith("re-driven 1: job-1\nskipped, changed meanwhile 1: job-2\n");
  }

  @Test
  void redriveByFilter_sendsTheFilter_pagesThroughAll_andRedrivesEachOnce() {
    failedFlakyJobs("job-1", "job-2", "job-3");
    List.of("job-1", "job-2", "job-3").forEach(this::retried);

    CliRun.Result result =
        jobs.run("redrive", "--type", "flaky", "--condition", "RetriesExhausted", "--since", "1h");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("re-driven 3: job-1 job-2 job-3\n");
    assertThat(retries())
        .extracting(LoggedRequest::getUrl)
        .containsExactly(
            "/prod/jobs/job-1/retry", "/prod/jobs/job-2/retry", "/prod/jobs/job-3/retry");
  }

  @Test
  void redriveCancelled_sendsCancelledTrue() {
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs"))
            .withQueryParam("status", equalTo("CANCELLED"))
            .willReturn(FakeAws.json(200, "{\"jobs\":[" + record("job-9", "CANCELLED", 1) + "]}")));
    retried("job-9");

    CliRun.Result result = jobs.run("redrive", "--status", "CANCELLED", "--since", "2h");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(retries().get(0).queryParameter("cancelled").firstValue()).isEqualTo("true");
  }

  @Test
  void dryRun_listsTheJobsAndTheCount_andTouchesNothing() {
    failedFlakyJobs("job-1", "job-2", "job-3");

    CliRun.Result result =
        jobs.run(
            "redrive",
            "--type",
            "flaky",
            "--condition",
            "RetriesExhausted",
            "--since",
            "1h",
            "--dry-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("would re-drive 3 jobs:\n");
    assertThat(result.out()).contains("job-1").contains("job-2").contains("job-3");
    assertThat(wire.findAll(postRequestedFor(urlPathMatching("/prod/.*")))).isEmpty();
  }

  @Test
  void dryRun_json_countsAndListsTheIds() {
    CliRun.Result result = jobs.run("redrive", "job-1", "job-2", "--dry-run", "--output", "json");

    JsonNode root = Json.parse(result.out());
    assertThat(Json.text(root, "count")).isEqualTo("2");
    assertThat(root.field("ids").orElseThrow().asArray())
        .extracting(JsonNode::asString)
        .containsExactly("job-1", "job-2");
    assertThat(wire.findAll(postRequestedFor(urlPathMatching("/prod/.*")))).isEmpty();
  }

  @Test
  void moreThanTenJobs_withoutATerminalOrYes_exits2InOneLine_andTouchesNothing() {
    CliRun.Result result = jobs.run(args(ids(11)));

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "jobs: 11 jobs to re-drive and no terminal to confirm on: pass --yes (--dry-run"
                + " lists them); nothing was touched\n");
    assertThat(wire.findAll(postRequestedFor(urlPathMatching("/prod/.*")))).isEmpty();
  }

  @Test
  void rate_capsTheCallsPerSecond_onTheCommandsClock() {
    String[] ids = ids(21);
    for (String id : ids) {
      retried(id);
    }

    CliRun.Result result = jobs.run(args(ids, "--yes", "--rate", "5"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(retries()).hasSize(21);
    // 21 calls at 5 a second: the last one starts 4 seconds after the first, not sooner.
    assertThat(jobs.slept()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void rate_defaultsToTenASecond() {
    String[] ids = ids(11);
    for (String id : ids) {
      retried(id);
    }

    CliRun.Result result = jobs.run(args(ids, "--yes"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(jobs.slept()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void ctrlC_stopsBetweenJobs_saysHowFarItGot_exits130() {
    String[] ids = ids(5);
    for (String id : ids) {
      retried(id);
    }
    jobs.ctrlCAfterSleeps(2);

    CliRun.Result result = jobs.run(args(ids));

    assertThat(result.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(retries()).hasSize(3);
    assertThat(result.out()).contains("re-driven 3: job-1 job-2 job-3\n");
    assertThat(result.out()).contains("not touched 2: job-4 job-5\n");
    assertThat(result.err())
        .isEqualTo("jobs: interrupted; stopped after 3 of 5 jobs; not touched: job-4 job-5\n");
  }

  @Test
  void json_isOneDocumentWithTheListOfEachOutcome() {
    retried("job-1");
    refused("job-2", "RUNNING");
    refused("job-3", "SUCCEEDED");

    CliRun.Result result = jobs.run("redrive", "job-1", "job-2", "job-3", "--output", "json");

    JsonNode root = Json.parse(result.out());
    assertThat(ids(root, "redriven")).containsExactly("job-1");
    assertThat(ids(root, "skipped")).containsExactly("job-2");
    assertThat(ids(root, "refused")).containsExactly("job-3");
    assertThat(ids(root, "notTouched")).isEmpty();
    assertThat(Json.text(root.field("messages").orElseThrow(), "job-3"))
        .isEqualTo("job job-3 is SUCCEEDED: only a FAILED job is retried");
  }

  @Test
  void wait_namesWhatSucceededAndWhatFailedAgain_exits3() {
    retried("job-1");
    retried("job-2");
    ended("job-1", "SUCCEEDED");
    ended("job-2", "FAILED");

    CliRun.Result result = jobs.run("redrive", "job-1", "job-2", "--wait");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(result.out())
        .isEqualTo(
            "re-driven 2: job-1 job-2\n" + "SUCCEEDED 1: job-1\n" + "FAILED again 1: job-2\n");
  }

  @Test
  void wait_everyJobSucceeded_exits0_andJsonListsThem() {
    retried("job-1");
    ended("job-1", "SUCCEEDED");

    CliRun.Result result = jobs.run("redrive", "job-1", "--wait", "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode root = Json.parse(result.out());
    assertThat(ids(root, "succeeded")).containsExactly("job-1");
    assertThat(ids(root, "failedAgain")).isEmpty();
  }

  @Test
  void idsAndAFilter_exit2_beforeAnyCall() {
    assertThat(usageErrorBeforeAnyCall("redrive", "job-1", "--type", "flaky"))
        .startsWith("jobs: give job ids or a filter, not both");
  }

  @Test
  void aFilterWithoutSince_exits2_beforeAnyCall() {
    assertThat(usageErrorBeforeAnyCall("redrive", "--type", "flaky"))
        .isEqualTo("jobs: name the jobs: give their ids, or a filter with --since TIME\n");
  }

  @Test
  void aBadRate_exits2() {
    usageErrorBeforeAnyCall("redrive", "job-1", "--rate", "0");
  }

  static List<String> ids(JsonNode root, String field) {
    return root.field(field).orElseThrow().asArray().stream().map(JsonNode::asString).toList();
  }
}
