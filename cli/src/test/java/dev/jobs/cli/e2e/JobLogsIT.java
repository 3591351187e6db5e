package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.e2e.Shell.Run;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * What a job said, read as an operator reads it: the built {@code jobs} in a real bash, against a
 * local runtime of its own whose processing function retries a failed attempt twice, one second
 * apart. The built-in {@code flaky} kind writes three lines to its log on every attempt.
 */
class JobLogsIT {
  @RegisterExtension
  static final OperatorShell shell =
      OperatorShell.withLocalRuntime("--retry-attempts 2 --retry-delay 1");

  @Test
  void jobThatFailsTwiceThenSucceeds_hasItsNineLinesInOrder_taggedByAttempt() throws Exception {
    Run submitted = shell.bash("jobs submit --type flaky --param failures=2 --wait --output json");
    assertThat(submitted.exitCode()).as(submitted.err()).isEqualTo(ExitCode.OK);
    JsonNode job = Json.mapper().readTree(submitted.out());
    assertThat(job.path("attempts").asInt()).isEqualTo(3);
    String id = job.path("id").asString();

    List<JsonNode> kindLines = kindLines(shell.bash("jobs logs " + id + " --output json"), id);
    assertThat(kindLines)
        .extracting(line -> line.path("attempt").asInt())
        .containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 3);
    assertThat(kindLines.get(0).path("message").asString()).startsWith("attempt 1: starting");
    assertThat(kindLines.get(8).path("message").asString()).startsWith("attempt 3:");

    Run text = shell.bash("jobs logs " + id);
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out().lines().filter(line -> line.contains("attempt 2: ")).count())
        .isEqualTo(3);

    List<JsonNode> second =
        kindLines(shell.bash("jobs logs " + id + " --attempt 2 --output json"), id);
    assertThat(second).hasSize(3).allMatch(line -> line.path("attempt").asInt() == 2);
  }

  @Test
  void failedSubmitWait_endsWithTheFailedAttemptsLastLines() throws Exception {
    Run failed = shell.bash("jobs submit --type flaky --param failures=3 --wait");

    assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(failed.out()).contains("last lines of attempt 3");
    String tail = failed.out().substring(failed.out().indexOf("last lines of attempt 3"));
    assertThat(tail.lines().skip(1)).isNotEmpty().allMatch(line -> line.contains("attempt 3"));
    assertThat(tail).contains("attempt 3: failing on purpose");
  }

  @Test
  void follow_printsEachLineOnce_andExitsWithTheJobsCode() throws Exception {
    Run submitted = shell.bash("jobs submit --type flaky --param failures=1 --param seconds=3");
    assertThat(submitted.exitCode()).as(submitted.err()).isZero();
    String id = submitted.out().strip();

    Run followed = shell.bash("jobs logs " + id + " --follow --output json");

    assertThat(followed.exitCode()).as(followed.err()).isEqualTo(ExitCode.OK);
    List<JsonNode> lines = kindLines(followed, id);
    assertThat(lines)
        .extracting(line -> line.path("attempt").asInt())
        .containsExactly(1, 1, 1, 2, 2, 2);
    List<String> all = followed.out().lines().toList();
    assertThat(all).doesNotHaveDuplicates();
  }

  /** The lines the kind itself wrote (not the function's own), every one this job's. */
  private static List<JsonNode> kindLines(Run run, String id) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> events = run.out().lines().map(line -> Json.mapper().readTree(line)).toList();
    assertThat(events).allMatch(event -> id.equals(event.path("jobId").asString()));
    return events.stream()
        .filter(event -> "flaky".equals(event.path("logger").asString()))
        .toList();
  }
}
