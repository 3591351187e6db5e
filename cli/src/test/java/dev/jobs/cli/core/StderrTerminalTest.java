package dev.jobs.cli.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live progress is drawn only when stderr is a terminal: the launcher asks the shell ({@code [ -t 2
 * ]}) and passes the answer, since Java 17 can only ask about stdin and stdout.
 */
class StderrTerminalTest {
  static final Path LAUNCHER = Path.of("src/dist/bin/jobs").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void launcherHint_decides_evenWhenStdoutIsAConsole() {
    assertThat(Environment.stderrIsTerminal("1", false)).isTrue();
    assertThat(Environment.stderrIsTerminal("", true)).isFalse();
    assertThat(Environment.stderrIsTerminal("0", true)).isFalse();
  }

  @Test
  void withoutTheLauncher_theConsoleStandsIn() {
    assertThat(Environment.stderrIsTerminal(null, true)).isTrue();
    assertThat(Environment.stderrIsTerminal(null, false)).isFalse();
  }

  /**
   * The launcher run with a {@code java} that prints its arguments, stderr as the shell line says.
   */
  private String launcherArguments(String shellLine) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Path java = bin.resolve("java");
    Path args = dir.resolve("args.txt");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", shellLine.replace("LAUNCHER", LAUNCHER.toString()))
            .redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
    builder.environment().put("JOBS_JAR", dir.resolve("jobs.jar").toString());
    Process process = builder.start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return Files.readString(args, StandardCharsets.UTF_8);
  }

  @Test
  void launcher_stderrToAFile_passesNoTerminal() throws Exception {
    String args = launcherArguments("LAUNCHER --version 2>" + dir.resolve("err.txt"));

    assertThat(args).contains("-Djobs.stderr.tty=\n").doesNotContain("-Djobs.stderr.tty=1");
  }

  @Test
  void launcher_stderrOnATerminal_saysSo() throws Exception {
    // script(1) gives the launcher a pseudo-terminal for stdin, stdout and stderr.
    String args = launcherArguments("script -qec 'LAUNCHER --version' /dev/null");

    assertThat(args).contains("-Djobs.stderr.tty=1\n");
  }

  @Test
  void launcher_stdoutOnATerminalButStderrToAFile_passesNoTerminal() throws Exception {
    String args =
        launcherArguments(
            "script -qec 'LAUNCHER --version 2>" + dir.resolve("err.txt") + "' /dev/null");

    assertThat(args).contains("-Djobs.stderr.tty=\n");
  }
}
