package dev.jobs.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real bash completes {@code jobs} with the committed script. */
class CompletionBashTest {
  /** What bash offers after the words typed, the last one being completed. */
  static List<String> complete(String... words) throws IOException, InterruptedException {
    Path script =
        CompletionFilesTest.COMMITTED.resolve(CompletionScripts.BASH_FILE).toAbsolutePath();
    String line = String.join(" ", words);
    String program =
        "source '"
            + script
            + "'\n"
            // compopt works only while bash runs a completion itself; here it is a no-op.
            + "compopt() { :; }\n"
            + "COMP_WORDS=("
            + line
            + ")\n"
            + "COMP_CWORD="
            + (words.length - 1)
            + "\nCOMP_LINE='"
            + line
            + "'\nCOMP_POINT=${#COMP_LINE}\n"
            + "_complete_jobs jobs\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process bash =
        new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program)
            .redirectErrorStream(true)
            .start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(out).isZero();
    return Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void jobsSu_completesToSubmit() throws Exception {
    assertThat(complete("jobs", "su")).containsExactly("submit");
  }

  @Test
  void submitOptionPrefix_completesTheOptionNames() throws Exception {
    assertThat(complete("jobs", "submit", "--se")).containsExactly("--seconds");
    assertThat(complete("jobs", "submit", "--ti")).containsExactly("--timeout");
  }

  @Test
  void targetSubcommands_areOffered() throws Exception {
    assertThat(complete("jobs", "target", "")).contains("add", "list", "use", "show", "remove");
  }

  @Test
  void outputValues_areOffered() throws Exception {
    assertThat(complete("jobs", "get", "--output", "")).containsExactlyInAnyOrder("text", "json");
  }
}
