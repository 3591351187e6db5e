package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.e2e.Shell.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * {@code jobs stats} with the built CLI against a local runtime of its own, over a known mix of
 * jobs: two that succeed, one that fails, one still running.
 */
class StatsIT {
  @TempDir static Path home;
  static String running;

  @BeforeAll
  static void aKnownMixOfJobs() throws Exception {
    Run started = jobs("local", "start", "--port", "0", "--detach", "--retry-attempts", "0");
    assertThat(started.exitCode()).as(started.err()).isZero();
    for (int i = 0; i < 2; i++) {
      Run succeeded = jobs("submit", "--seconds", "1", "--wait");
      assertThat(succeeded.exitCode()).as(succeeded.err()).isZero();
    }
    Run failed = jobs("submit", "--type", "flaky", "--param", "failures=1", "--wait");
    assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCode.JOB_FAILED);
    Run submitted = jobs("submit", "--seconds", "600");
    assertThat(submitted.exitCode()).as(submitted.err()).isZero();
    running = submitted.out().strip();
    // The invocation is asynchronous: wait until the run has started.
    for (int i = 0; i < 100 && !jobs("get", running).out().contains("RUNNING"); i++) {
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stopLocalRuntime() throws Exception {
    if (Files.exists(home.resolve("local/runtime.json"))) {
      jobs("local", "stop");
    }
  }

  static Run jobs(String... args) throws Exception {
    return LocalRuntimeIT.jobsIn(home, Map.of(), args);
  }

  @Test
  void textCountsEachStatus_theFailureByTypeAndCondition_andTheJobRunningLongest()
      throws Exception {
    Run stats = jobs("stats", "--since", "1h");

    assertThat(stats.exitCode()).as(stats.err()).isZero();
    assertThat(stats.out())
        .startsWith("jobs with a status time from ")
        .containsPattern("^jobs with a status time from \\S+:\\d\\dZ to \\S+:\\d\\dZ:\n")
        .containsPattern(
            "\n  RUNNING +1\n  SUCCEEDED +2\n  FAILED +1\n  CANCELLED +0\n  total +4\n")
        .containsPattern("run time of 3 finished: median \\d+m?s, p95 \\d+m?s\n")
        .contains("failures:\n       1  JobFailedException [RetriesExhausted]\n")
        .contains("RUNNING longest: " + running + " (sleep), started ");
  }

  @Test
  void jsonHasTheSameNumbers() throws Exception {
    Run stats = jobs("stats", "--since", "1h", "--output", "json");

    assertThat(stats.exitCode()).as(stats.err()).isZero();
    JsonNode root = Json.parse(stats.out());
    assertThat(Json.text(root, "total")).isEqualTo("4");
    JsonNode counts = root.field("counts").orElseThrow();
    assertThat(Json.text(counts, "RUNNING")).isEqualTo("1");
    assertThat(Json.text(counts, "SUCCEEDED")).isEqualTo("2");
    assertThat(Json.text(counts, "FAILED")).isEqualTo("1");
    assertThat(Json.text(root.field("runTime").orElseThrow(), "jobs")).isEqualTo("3");
    JsonNode failure = root.field("failures").orElseThrow().asArray().get(0);
    assertThat(Json.text(failure, "type")).isEqualTo("dev.jobs.kind.JobFailedException");
    assertThat(Json.text(failure, "condition")).isEqualTo("RetriesExhausted");
    assertThat(Json.text(failure, "count")).isEqualTo("1");
    assertThat(Json.text(root.field("oldestRunning").orElseThrow(), "id")).isEqualTo(running);
  }

  @Test
  void alarmsSaysTheLocalRuntimeHasNoCloudWatch() throws Exception {
    Run alarms = jobs("alarms");

    assertThat(alarms.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(alarms.err()).contains("no CloudWatch").contains("jobs stats");
  }
}
