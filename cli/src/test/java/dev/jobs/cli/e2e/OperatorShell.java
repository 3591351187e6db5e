package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.e2e.Shell.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An operator's bash, as the README sets it up: the built {@code jobs} first on the {@code PATH},
 * the README's shell line sourced, a fresh home, and a local runtime of the test's own under {@code
 * home/local} on a free port.
 */
final class OperatorShell {
  /** The project's root, where the build leaves the {@code jobs} launcher. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /**
   * The README's shell line: bash's job-control builtin {@code jobs} runs before any program of
   * that name on the PATH, and the line defines a {@code jobs} function that hands the tool's
   * commands to the tool.
   */
  static final String SETUP = "source <(env jobs completion bash)";

  /** A command line may wait for jobs and for the runtime's start: longer than a user's timeout. */
  private static final Duration LINE_TIMEOUT = Duration.ofSeconds(300);

  private final Path home;

  OperatorShell(Path home) {
    this.home = home;
  }

  /** One command line in a real bash, in the home, with the README's shell line sourced. */
  Run bash(String line) throws IOException, InterruptedException {
    return start(line).finish(LINE_TIMEOUT, line);
  }

  /** A command line as {@link #bash} runs it, left running: a server the test ends itself. */
  Shell.Running start(String line) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "--norc", "--noprofile", "-c", SETUP + "\n" + line)
            .directory(home.toFile());
    Map<String, String> environment = Shell.userEnvironment(builder, home);
    environment.put("JOBS_LOCAL_DIR", localDir().toString());
    environment.put("PATH", ROOT + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
    return Shell.start(builder, home);
  }

  /** Starts the home's local runtime in the background on a free port, with {@code options}. */
  void startLocalRuntime(String options) throws IOException, InterruptedException {
    Run started = bash("jobs local start --detach --port 0 " + options);
    assertThat(started.exitCode()).as(started.err()).isZero();
  }

  /**
   * Stops the home's local runtime as a user does, if one runs, and then ends any the test would
   * otherwise leave behind, so that a failed stop fails the test without leaking a process.
   */
  void stopLocalRuntime() throws IOException, InterruptedException {
    Run stopped = Files.exists(localDir().resolve("runtime.json")) ? bash("jobs local stop") : null;
    Shell.runtimesOf(localDir()).forEach(ProcessHandle::destroyForcibly);
    if (stopped != null) {
      assertThat(stopped.exitCode()).as(stopped.err()).isZero();
    }
  }

  private Path localDir() {
    return home.resolve("local");
  }
}
