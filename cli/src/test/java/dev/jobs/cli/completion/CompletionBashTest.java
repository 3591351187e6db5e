package dev.jobs.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real bash completes {@code jobs} with the committed script. */
class CompletionBashTest {
  /** What bash offers after the words typed, the last one being completed. */
  static List<String> complete(String... words) throws IOException, InterruptedException {
    return complete(Map.of(), words);
  }

  static List<String> complete(Map<String, String> environment, String... words)
      throws IOException, InterruptedException {
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
    ProcessBuilder builder =
        new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program)
            .redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process bash = builder.start();
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

  /**
   * A home with two deployed targets and a replay seen, and a {@code jobs} on the PATH that runs
   * this build's tool: the script asks it for the names at TAB time.
   */
  static Map<String, String> homeWithTargets(Path home) throws IOException {
    Files.createDirectories(home.resolve(".jobs"));
    Files.writeString(
        home.resolve(".jobs/config.json"),
        "{\"current\":\"prod\",\"targets\":[{\"name\":\"prod\",\"stackName\":\"jobs\"},"
            + "{\"name\":\"staging\",\"stackName\":\"jobs-staging\"}]}");
    Files.writeString(home.resolve(".jobs/replay-names"), "jobs-replay-20261129\n");
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path jobs =
        Files.writeString(
            bin.resolve("jobs"),
            "#!/bin/sh\nexec '"
                + java
                + "' -cp '"
                + System.getProperty("java.class.path")
                + "' dev.jobs.cli.app.Jobs \"$@\"\n");
    assertThat(jobs.toFile().setExecutable(true)).isTrue();
    return Map.of("HOME", home.toString(), "PATH", bin + ":" + System.getenv("PATH"));
  }

  /** {@code target use} and the {@code --target} option offer every configured target. */
  @ParameterizedTest
  @ValueSource(strings = {"target use", "get --target"})
  void aTargetsPlace_offersTheConfiguredTargets(String words, @TempDir Path home) throws Exception {
    List<String> line = new ArrayList<>(List.of("jobs"));
    line.addAll(List.of(words.split(" ")));
    line.add("");
    assertThat(complete(homeWithTargets(home), line.toArray(String[]::new)))
        .containsExactlyInAnyOrder("local", "prod", "staging");
  }

  @Test
  void targetShowAndRemove_offerTheConfiguredTargets(@TempDir Path home) throws Exception {
    Map<String, String> environment = homeWithTargets(home);
    assertThat(complete(environment, "jobs", "target", "show", "st")).containsExactly("staging");
    assertThat(complete(environment, "jobs", "target", "remove", "p")).containsExactly("prod");
  }

  @Test
  void replaysCancel_offersTheReplaysSeen(@TempDir Path home) throws Exception {
    assertThat(complete(homeWithTargets(home), "jobs", "replays", "cancel", ""))
        .containsExactly("jobs-replay-20261129");
  }
}
