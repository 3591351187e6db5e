package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.e2e.Shell.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator story of {@code docs/operations.md} ("Failed jobs: find, re-drive, see what
 * happened"), typed in bash as the page has it, with the built {@code jobs} on the {@code PATH}, a
 * fresh home and a local runtime of its own on a free port: a job fails, {@code get} says why,
 * {@code list} finds it, {@code replay --wait} re-drives it, {@code get} shows it succeeded.
 */
class OperatorStoryIT {
  static final Path ROOT = OperatorShell.ROOT;

  /** The README's shell line, where ConsoleIT finds it. */
  static final String SETUP = OperatorShell.SETUP;

  static final String SUBMIT = "jobs submit --type flaky --param failures=1 --wait";
  static final String GET = "jobs get ";
  static final String LIST = "jobs list --status FAILED --since 1h";
  static final String REPLAY = "jobs replay --since 1h --wait";

  @RegisterExtension static final OperatorShell shell = OperatorShell.withLocalRuntime("");

  @Test
  void failedJob_isFound_redriven_andSucceeds() throws Exception {
    // Submit a job that fails: its first attempt fails on purpose.
    Run submitted = shell.bash(SUBMIT);
    assertThat(submitted.exitCode()).as(submitted.err()).isEqualTo(ExitCode.JOB_FAILED);
    Matcher matcher = Pattern.compile("submitted job (\\S+)\n").matcher(submitted.err());
    assertThat(matcher.find()).as(submitted.err()).isTrue();
    String id = matcher.group(1);
    assertThat(submitted.out())
        .contains("id         " + id + "\n")
        .contains("status     FAILED\n")
        .contains("type       flaky\n")
        .contains("attempts   1\n")
        .contains(
            "error      JobFailedException: failing on purpose: attempt 1 of the first 1"
                + " [RetriesExhausted]\n")
        .containsPattern("started    \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n")
        .containsPattern("finished   \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(\\d+s\\)\n");

    // See why.
    Run why = shell.bash(GET + id);
    assertThat(why.exitCode()).as(why.err()).isZero();
    // The record as submit --wait printed it, before the failed attempt's last log lines.
    String record =
        submitted.out().substring(0, submitted.out().indexOf("\n\nlast lines of attempt 1") + 1);
    assertThat(submitted.out()).contains("attempt 1: failing on purpose");
    assertThat(why.out()).isEqualTo(record);

    // Find it.
    Run listed = shell.bash(LIST);
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    List<String> rows = listed.out().lines().toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).matches("ID +STATUS +TYPE +STATUS TIME +ATTEMPTS +ERROR");
    assertThat(rows.get(1))
        .matches(
            Pattern.quote(id)
                + " +FAILED +flaky +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +1 +JobFailedException \\[RetriesExhausted\\]");
    assertThat(listed.err()).isEmpty();

    // Re-drive it: the local runtime archived the failure at once.
    Run replayed = shell.bash(REPLAY);
    assertThat(replayed.exitCode()).as(replayed.err()).isEqualTo(ExitCode.OK);
    assertThat(replayed.out())
        .matches(
            "replay jobs-replay-\\d{8}-\\d{6} COMPLETED\n"
                + "re-driven 1: SUCCEEDED 1, FAILED again 0\n"
                + "re-driven: "
                + Pattern.quote(id)
                + "\n");
    assertThat(replayed.err()).isEmpty();

    // See it succeed, on its second attempt, under the same id.
    Run after = shell.bash(GET + id);
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(after.out())
        .contains("id         " + id + "\n")
        .contains("status     SUCCEEDED\n")
        .contains("attempts   2\n")
        .contains("result     {\"message\":\"succeeded on attempt 2\"}\n")
        .doesNotContain("error ");
  }

  @Test
  void docs_tellThisStory_inThisOrder() throws Exception {
    String page = Files.readString(ROOT.resolve("docs/operations.md"), StandardCharsets.UTF_8);
    int section = page.indexOf("\n## Failed jobs: find, re-drive, see what happened\n");
    assertThat(section).as("the operator section of docs/operations.md").isPositive();
    String story = page.substring(section);
    int setup = story.indexOf("$ " + SETUP + " ");
    int submit = story.indexOf("$ " + SUBMIT + "\n", setup);
    int why = story.indexOf("$ " + GET, submit);
    int list = story.indexOf("$ " + LIST + "\n", why);
    int replay = story.indexOf("$ " + REPLAY + "\n", list);
    int after = story.indexOf("$ " + GET, replay);
    assertThat(List.of(setup, submit, why, list, replay, after)).allMatch(at -> at >= 0);
  }
}
