package dev.jobs.cli.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobStatsTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private static JobPage.Job job(String json) {
    return new JobPage.Job(Json.parse(json));
  }

  private static JobPage.Job succeeded(int seconds) {
    return job(
        "{\"id\":\"s"
            + seconds
            + "\",\"status\":\"SUCCEEDED\",\"startedAt\":\"2026-11-29T10:00:00Z\","
            + "\"finishedAt\":\"2026-11-29T10:00:"
            + String.format("%02d", seconds)
            + "Z\"}");
  }

  private static JobPage.Job failed(String type, String condition) {
    return job(
        "{\"id\":\"f\",\"status\":\"FAILED\",\"finishedAt\":\"2026-11-29T10:00:00Z\","
            + "\"error\":{\"type\":\""
            + type
            + "\",\"condition\":\""
            + condition
            + "\"}}");
  }

  private static JobPage.Job running(String id, String startedAt) {
    return job(
        "{\"id\":\"" + id + "\",\"status\":\"RUNNING\",\"startedAt\":\"" + startedAt + "\"}");
  }

  @Test
  void medianAndP95AreNearestRanksOfTheFinishedJobsRunTimes() {
    List<JobPage.Job> jobs = new ArrayList<>();
    for (int seconds = 1; seconds <= 20; seconds++) {
      jobs.add(succeeded(seconds));
    }

    JobStats stats = JobStats.of(jobs, NOW);

    assertThat(stats.runTime(50)).contains(Duration.ofSeconds(10));
    assertThat(stats.runTime(95)).contains(Duration.ofSeconds(19));
    assertThat(stats.counts()).containsEntry("SUCCEEDED", 20).containsEntry("FAILED", 0);
  }

  @Test
  void aFailedJobThatNeverStartedCountsButHasNoRunTime() {
    JobStats stats = JobStats.of(List.of(failed("InvalidJobException", "ValidationFailed")), NOW);

    assertThat(stats.total()).isEqualTo(1);
    assertThat(stats.finished()).isZero();
    assertThat(stats.runTime(50)).isEmpty();
  }

  @Test
  void failuresAreGroupedByTypeAndCondition_mostFirst() {
    JobStats stats =
        JobStats.of(
            List.of(
                failed("dev.jobs.kind.JobFailedException", "Timeout"),
                failed("dev.jobs.kind.JobFailedException", "RetriesExhausted"),
                failed("dev.jobs.kind.JobFailedException", "RetriesExhausted")),
            NOW);

    assertThat(stats.failures())
        .extracting(JobStats.Failure::shown, JobStats.Failure::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("JobFailedException [RetriesExhausted]", 2),
            org.assertj.core.groups.Tuple.tuple("JobFailedException [Timeout]", 1));
  }

  @Test
  void queuedJobsAreCountedApart() {
    JobStats stats =
        JobStats.of(
            List.of(
                job("{\"id\":\"q\",\"status\":\"QUEUED\",\"queuedAt\":\"2026-11-29T10:00:00Z\"}"),
                succeeded(3)),
            NOW);

    assertThat(stats.countsInOrder()).containsEntry("QUEUED", 1).containsEntry("SUCCEEDED", 1);
    assertThat(stats.total()).isEqualTo(2);
  }

  @Test
  void theOldestRunningJobIsTheOneThatStartedFirst() {
    JobStats stats =
        JobStats.of(
            List.of(
                running("later", "2026-11-29T10:05:00Z"),
                running("first", "2026-11-29T09:00:00Z"),
                succeeded(3)),
            NOW);

    assertThat(stats.oldestRunning()).map(JobPage.Job::id).contains("first");
    assertThat(stats.countsInOrder().keySet())
        .containsExactly("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED");
  }

  @Test
  void cancelledJobsAreCounted_andOneThatRanHasItsRunTime() {
    JobStats stats =
        JobStats.of(
            List.of(
                job(
                    "{\"id\":\"c1\",\"status\":\"CANCELLED\",\"attempts\":1,"
                        + "\"startedAt\":\"2026-11-29T10:00:00Z\","
                        + "\"finishedAt\":\"2026-11-29T10:00:07Z\"}"),
                job(
                    "{\"id\":\"c2\",\"status\":\"CANCELLED\",\"attempts\":0,"
                        + "\"finishedAt\":\"2026-11-29T10:00:00Z\"}")),
            NOW);

    assertThat(stats.counts()).containsEntry("CANCELLED", 2);
    assertThat(stats.finished()).isEqualTo(1);
    assertThat(stats.runTime(100)).contains(Duration.ofSeconds(7));
  }

  @Test
  void runningJobsSilentPastTheirTimeoutAndAMinute_countAsStalled() {
    JobStats stats =
        JobStats.of(
            List.of(
                // Last heartbeat 16m01s before NOW, with a 15-minute timeout: stalled.
                job(
                    "{\"id\":\"lost\",\"status\":\"RUNNING\",\"timeoutSeconds\":900,"
                        + "\"startedAt\":\"2026-11-29T09:00:00Z\","
                        + "\"heartbeatAt\":\"2026-11-29T09:43:59Z\"}"),
                // 16m00s: not yet.
                job(
                    "{\"id\":\"late\",\"status\":\"RUNNING\",\"timeoutSeconds\":900,"
                        + "\"startedAt\":\"2026-11-29T09:44:00Z\"}"),
                // No timeout recorded (an older backend): cannot tell, so not stalled.
                running("old", "2026-11-29T09:00:00Z")),
            NOW);

    assertThat(stats.stalled()).isEqualTo(1);
    assertThat(stats.counts()).containsEntry("RUNNING", 3);
  }

  @Test
  void theApisAnswer_readsAsTheJobsWouldAddUp_otherStatusesOnlyWhenTheyHoldJobs() {
    JobStats stats =
        JobStats.fromAnswer(
            "{\"since\":\"2026-11-29T09:10:00Z\",\"until\":\"2026-11-29T10:10:00Z\","
                + "\"total\":4,\"counts\":{\"QUEUED\":0,\"RUNNING\":1,\"SUCCEEDED\":2,"
                + "\"FAILED\":1,\"CANCELLED\":0},"
                + "\"runTime\":{\"jobs\":3,\"p50Millis\":1004,\"p90Millis\":1012,"
                + "\"p95Millis\":1012,\"p99Millis\":1012,\"maxMillis\":1012},"
                + "\"failures\":[{\"type\":\"dev.jobs.kind.JobFailedException\","
                + "\"condition\":\"RetriesExhausted\",\"count\":1}],\"stalled\":0,"
                + "\"oldestRunning\":{\"id\":\"r\",\"status\":\"RUNNING\","
                + "\"type\":\"sleep\",\"startedAt\":\"2026-11-29T10:09:57Z\"}}");

    assertThat(stats.countsInOrder())
        .containsExactly(
            Map.entry("QUEUED", 0),
            Map.entry("RUNNING", 1),
            Map.entry("SUCCEEDED", 2),
            Map.entry("FAILED", 1),
            Map.entry("CANCELLED", 0));
    assertThat(stats.finished()).isEqualTo(3);
    assertThat(stats.runTime(50)).contains(Duration.ofMillis(1004));
    assertThat(stats.runTime(95)).contains(Duration.ofMillis(1012));
    assertThat(stats.failures())
        .extracting(JobStats.Failure::shown, JobStats.Failure::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("JobFailedException [RetriesExhausted]", 1));
    assertThat(stats.oldestRunning()).map(JobPage.Job::id).contains("r");
  }
}
