package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.e2e.Shell.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Named jobs, re-drive from the records and cancel by filter, as an operator types them in bash
 * with the built {@code jobs} on the {@code PATH}, against a local runtime of the test's own.
 */
class BulkJobsIT {
  @RegisterExtension final OperatorShell shell = OperatorShell.inAFreshHome();

  @Test
  void submitWithId_twice_printsTheSameId_runsOnce_andOtherParametersExit7() throws Exception {
    shell.startLocalRuntime("--concurrency 2");

    Run first = shell.bash("jobs submit --seconds 1 --id nightly-1");
    Run again = shell.bash("jobs submit --seconds 1 --id nightly-1");
    Run other = shell.bash("jobs submit --seconds 2 --id nightly-1");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(first.out()).isEqualTo("nightly-1\n").isEqualTo(again.out());
    assertThat(other.exitCode()).isEqualTo(ExitCode.EXISTS);
    assertThat(other.err()).isEqualTo("jobs: job nightly-1 exists with other parameters\n");
    Run waited = shell.bash("jobs wait nightly-1 --output json");
    assertThat(waited.exitCode()).as(waited.err()).isZero();
    JsonNode record = Json.mapper().readTree(waited.out());
    assertThat(record.path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(record.path("attempts").asInt()).as("one run").isEqualTo(1);
    assertThat(record.path("parameters").path("seconds").asInt()).isEqualTo(1);
  }

  @Test
  void redriveByFilter_dryRunListsExactlyTheMatchingFailedJobs_thenRedrivesEachOnce()
      throws Exception {
    shell.startLocalRuntime("--concurrency 3 --timeout 3s");
    assertThat(
            shell
                .bash("jobs submit --type flaky --param failures=1 --id flaky-a --wait")
                .exitCode())
        .isEqualTo(ExitCode.JOB_FAILED);
    assertThat(
            shell
                .bash("jobs submit --type flaky --param failures=1 --id flaky-b --wait")
                .exitCode())
        .isEqualTo(ExitCode.JOB_FAILED);
    // A failed job of another kind: a sleep longer than the function's timeout fails at once.
    assertThat(shell.bash("jobs submit --seconds 10 --id too-long --wait").exitCode())
        .isEqualTo(ExitCode.JOB_FAILED);
    assertThat(shell.bash("jobs submit --seconds 1 --id fine --wait").exitCode()).isZero();

    Run dryRun = shell.bash("jobs redrive --type flaky --since 1h --dry-run -q");
    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    assertThat(dryRun.out().lines().sorted()).containsExactly("flaky-a", "flaky-b");
    Run counted = shell.bash("jobs redrive --type flaky --since 1h --dry-run");
    assertThat(counted.out()).startsWith("would re-drive 2 jobs:\n");
    assertThat(shell.get("flaky-a").path("attempts").asInt())
        .as("a dry run touches nothing")
        .isOne();

    Run redriven = shell.bash("jobs redrive --type flaky --since 1h --yes --wait");

    assertThat(redriven.exitCode()).as(redriven.err()).isZero();
    assertThat(redriven.out())
        .containsPattern("re-driven 2: flaky-[ab] flaky-[ab]\n")
        .containsPattern("SUCCEEDED 2: flaky-[ab] flaky-[ab]\n");
    for (String id : new String[] {"flaky-a", "flaky-b"}) {
      JsonNode record = shell.get(id);
      assertThat(record.path("status").asString()).isEqualTo("SUCCEEDED");
      assertThat(record.path("attempts").asInt()).as("re-driven once: %s", record).isEqualTo(2);
    }
    JsonNode other = shell.get("too-long");
    assertThat(other.path("status").asString()).isEqualTo("FAILED");
    assertThat(other.path("attempts").asInt()).isOne();
    Run none = shell.bash("jobs redrive --type flaky --since 1h --yes");
    assertThat(none.exitCode()).as(none.err()).isZero();
    assertThat(none.out()).isEqualTo("re-driven 0\n");
  }

  @Test
  void cancelByFilter_stopsTheMatchingRunningJobs_andNoOther() throws Exception {
    shell.startLocalRuntime("--concurrency 3");
    shell.submit("--seconds 60 --id sleep-1");
    shell.submit("--seconds 60 --id sleep-2");
    shell.submit("--type flaky --param failures=1 --param seconds=60 --id flaky-1");
    for (String id : new String[] {"sleep-1", "sleep-2", "flaky-1"}) {
      shell.awaitProgress(id);
    }

    Run cancelled = shell.bash("jobs cancel --status RUNNING --type sleep --since 1h --wait");

    assertThat(cancelled.exitCode()).as(cancelled.err()).isZero();
    assertThat(cancelled.out()).containsPattern("cancelled 2: sleep-[12] sleep-[12]\n");
    assertThat(cancelled.out()).doesNotContain("flaky-1");
    assertThat(shell.get("sleep-1").path("status").asString()).isEqualTo("CANCELLED");
    assertThat(shell.get("sleep-2").path("status").asString()).isEqualTo("CANCELLED");
    JsonNode untouched = shell.get("flaky-1");
    assertThat(untouched.path("status").asString()).isEqualTo("RUNNING");
    assertThat(untouched.has("cancelRequestedAt")).isFalse();
  }
}
