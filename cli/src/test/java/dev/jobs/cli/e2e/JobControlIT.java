package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.e2e.Shell.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Steering running jobs, as an operator does it in bash with the built {@code jobs} on the {@code
 * PATH}, against a local runtime of its own that runs one job at a time ({@code --concurrency 1}),
 * so that a second job waits in the queue: the test holds a delivery by keeping the worker busy.
 */
class JobControlIT {
  /** Where ConsoleIT finds the built tool. */
  static final Path ROOT = OperatorShell.ROOT;

  /** One job at a time: a second one waits in the queue. */
  private static final String ONE_AT_A_TIME = "--concurrency 1";

  @RegisterExtension final OperatorShell shell = OperatorShell.withLocalRuntime(ONE_AT_A_TIME);

  @Test
  void runningJob_reportsProgress_andStopsCancelledWithinSeconds_andNoReplayRestartsIt()
      throws Exception {
    String id = shell.submit("--seconds 60");

    JsonNode first = shell.awaitProgress(id);
    Thread.sleep(2_500);
    JsonNode second = shell.get(id);
    assertThat(second.path("progress").path("done").asLong())
        .as("progress between two reads: %s then %s", first, second)
        .isGreaterThan(first.path("progress").path("done").asLong());
    assertThat(second.path("progress").path("total").asLong()).isEqualTo(60);
    assertThat(second.has("heartbeatAt")).isTrue();

    Run cancelled = shell.bash("jobs cancel " + id + " --wait");
    assertThat(cancelled.exitCode()).as(cancelled.err()).isEqualTo(ExitCode.OK);
    assertThat(cancelled.out().lines()).hasSize(1);
    assertThat(cancelled.out()).contains(id).contains("CANCELLED");

    JsonNode after = shell.get(id);
    assertThat(after.path("status").asString()).isEqualTo("CANCELLED");
    assertThat(after.path("attempts").asInt()).isEqualTo(1);
    Duration stopping =
        Duration.between(
            Instant.parse(after.path("cancelRequestedAt").asString()),
            Instant.parse(after.path("finishedAt").asString()));
    assertThat(stopping).as("from the cancel to the job's end").isLessThan(Duration.ofSeconds(3));

    Run replayed = shell.bash("jobs replay --since 1h --wait");
    assertThat(replayed.exitCode()).as(replayed.err()).isEqualTo(ExitCode.OK);
    JsonNode afterReplay = shell.get(id);
    assertThat(afterReplay.path("status").asString()).isEqualTo("CANCELLED");
    assertThat(afterReplay.path("attempts").asInt()).isEqualTo(1);
    assertThat(afterReplay.path("finishedAt")).isEqualTo(after.path("finishedAt"));

    Run listed = shell.bash("jobs list --status CANCELLED --since 1h --output json");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains(id);
  }

  @Test
  void cancelOfAnEndedJob_exits3_withOneLine_andChangesNothing() throws Exception {
    Run done = shell.bash("jobs submit --seconds 1 --wait --output json");
    assertThat(done.exitCode()).as(done.err()).isZero();
    String id = Json.mapper().readTree(done.out()).path("id").asString();
    JsonNode before = shell.get(id);
    assertThat(before.path("status").asString()).isEqualTo("SUCCEEDED");

    Run refused = shell.bash("jobs cancel " + id);

    assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat((refused.out() + refused.err()).strip().lines()).hasSize(1);
    assertThat(refused.out() + refused.err()).contains(id).contains("SUCCEEDED");
    assertThat(shell.get(id)).isEqualTo(before);
  }

  @Test
  void jobCancelledWhileQueued_neverRuns() throws Exception {
    String busy = shell.submit("--seconds 60");
    shell.awaitProgress(busy);
    String queued = shell.submit("--seconds 1");

    Run cancelled = shell.bash("jobs cancel " + queued);
    assertThat(cancelled.exitCode()).as(cancelled.err()).isEqualTo(ExitCode.OK);
    assertThat(cancelled.out()).contains(queued).contains("before it started");

    // Free the worker; a job submitted after the queued one runs after its delivery was taken.
    assertThat(shell.bash("jobs cancel " + busy + " --wait").exitCode()).isEqualTo(ExitCode.OK);
    assertThat(shell.bash("jobs submit --seconds 1 --wait").exitCode()).isEqualTo(ExitCode.OK);

    JsonNode record = shell.get(queued);
    assertThat(record.path("status").asString()).isEqualTo("CANCELLED");
    assertThat(record.path("attempts").asInt()).isZero();
    assertThat(record.has("startedAt")).as(record.toString()).isFalse();
  }

  @Test
  void cancelsSurviveKillDashNine_andTheCancelledJobsNeverRun() throws Exception {
    String busy = shell.submit("--seconds 60");
    shell.awaitProgress(busy);
    String queued = shell.submit("--seconds 1");
    assertThat(shell.bash("jobs cancel " + queued).exitCode()).isEqualTo(ExitCode.OK);
    assertThat(shell.bash("jobs cancel " + busy + " --wait").exitCode()).isEqualTo(ExitCode.OK);

    for (ProcessHandle runtime : Shell.runtimesOf(shell.home().resolve("local"))) {
      runtime.destroyForcibly();
      runtime.onExit().get();
    }
    Files.deleteIfExists(shell.home().resolve("local/runtime.json"));
    shell.startLocalRuntime(ONE_AT_A_TIME);
    assertThat(shell.bash("jobs submit --seconds 1 --wait").exitCode()).isEqualTo(ExitCode.OK);

    JsonNode queuedRecord = shell.get(queued);
    assertThat(queuedRecord.path("status").asString()).isEqualTo("CANCELLED");
    assertThat(queuedRecord.path("attempts").asInt()).isZero();
    JsonNode busyRecord = shell.get(busy);
    assertThat(busyRecord.path("status").asString()).isEqualTo("CANCELLED");
    assertThat(busyRecord.path("attempts").asInt()).isEqualTo(1);
  }
}
