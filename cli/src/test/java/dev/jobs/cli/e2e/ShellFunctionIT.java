package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs} in a real shell, with the tool on the PATH and the README's line sourced: the tool's
 * commands reach the tool, while {@code jobs} and {@code jobs -l} stay the shell's builtin.
 */
class ShellFunctionIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final RequiredTool ZSH =
      new RequiredTool("zsh", "apt-get install zsh", RequiredTool.Probe.ON_PATH);

  @TempDir Path home;

  /**
   * The line the README tells a user to put in {@code ~/.bashrc} (or {@code ~/.zshrc}), read from
   * the README, so that the test runs what a user copies.
   */
  static String readmeLine(String shell) throws IOException {
    String line = "source <(env jobs completion " + shell + ")";
    assertThat(Files.readString(ROOT.resolve("README.md"))).contains(line);
    return line;
  }

  /** The session a user types, after the README's line. */
  static String session(String readmeLine) {
    return readmeLine
        + "\n"
        + "echo \"== type: $(whence -w jobs 2>/dev/null || type -t jobs)\"\n"
        + "jobs submit --help | head -n 1\n"
        + "sleep 30 >/dev/null 2>&1 &\n"
        + "echo '== jobs'\n"
        + "jobs\n"
        + "echo \"== jobs -l (pid $!)\"\n"
        + "jobs -l\n"
        + "echo '== jobs -p'\n"
        + "jobs -p\n"
        + "echo '== jobs %1'\n"
        + "jobs %1\n"
        + "kill %1\n";
  }

  @Test
  void bash_readmeLine_sendsSubcommandsToTheTool_andKeepsTheBuiltinForBackgroundJobs()
      throws Exception {
    String out = run(List.of("bash", "--norc", "--noprofile", "-c", session(readmeLine("bash"))));

    assertToolAndBuiltin(out);
    assertThat(out).contains("== type: function").contains("[1]+  Running");
  }

  @Test
  void zsh_readmeLine_sendsSubcommandsToTheTool_andKeepsTheBuiltinForBackgroundJobs()
      throws Exception {
    ZSH.require("the zsh test of the jobs shell function");

    String out = run(List.of("zsh", "-f", "-c", session(readmeLine("zsh"))));

    assertToolAndBuiltin(out);
    assertThat(out).contains("== type: jobs: function").contains("running    sleep 30");
  }

  @Test
  void bash_completesTheFunction_asTheTool() throws Exception {
    String out =
        run(
            List.of(
                "bash",
                "--norc",
                "--noprofile",
                "-c",
                readmeLine("bash") + "\ncomplete -p jobs\n"));

    assertThat(out).contains("-F _complete_jobs").endsWith(" jobs\n");
  }

  private static void assertToolAndBuiltin(String out) {
    assertThat(out).contains("Usage: jobs submit").doesNotContain("no such job");
    String jobs = between(out, "== jobs\n", "== jobs -l");
    assertThat(jobs).contains("sleep 30");
    String pid = out.replaceAll("(?s).*== jobs -l \\(pid (\\d+)\\).*", "$1");
    assertThat(between(out, "== jobs -l", "== jobs -p")).contains(pid).contains("sleep 30");
    assertThat(between(out, "== jobs -p\n", "== jobs %1")).contains(pid);
    assertThat(out.substring(out.indexOf("== jobs %1"))).contains("sleep 30");
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    int end = text.indexOf(to, start + 1);
    assertThat(start).as(text).isNotNegative();
    assertThat(end).as(text).isGreaterThan(start);
    return text.substring(start, end);
  }

  /** Runs the shell with the tool on the PATH (as a link to the repository's launcher). */
  private String run(List<String> command) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("jobs"), ROOT.resolve("jobs"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("JOBS_"));
    environment.put("HOME", home.toString());
    environment.put("PATH", bin + ":" + environment.get("PATH"));
    Process shell =
        builder.redirectErrorStream(true).redirectInput(Path.of("/dev/null").toFile()).start();
    String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(shell.exitValue()).as(out).isZero();
    return out;
  }
}
