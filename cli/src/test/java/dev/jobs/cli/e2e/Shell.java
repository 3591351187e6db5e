package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built tool run as a user runs it: a process in a home of its own, with none of the build's
 * AWS and jobs variables, its output captured in files, and the runtimes it leaves found again.
 */
final class Shell {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private Shell() {}

  /** What a finished command said and how it ended. */
  record Run(int exitCode, String out, String err) {}

  /** A process that runs, and the files its output goes to. */
  record Running(Process process, Path out, Path err) {
    /** Waits for the process as {@code jobs} does for a command: two minutes at the most. */
    Run finish() throws IOException, InterruptedException {
      return finish(TIMEOUT, "jobs");
    }

    /** Waits for the process, failing the test when {@code what} has not finished in time. */
    Run finish(Duration timeout, String what) throws IOException, InterruptedException {
      assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS))
          .as("%s finished", what)
          .isTrue();
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    }
  }

  /**
   * A user's environment for {@code builder}: the build's own {@code AWS_*} and {@code JOBS_*}
   * variables removed and {@code HOME} set; the caller adds the test's.
   */
  static Map<String, String> userEnvironment(ProcessBuilder builder, Path home) {
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("JOBS_"));
    environment.put("HOME", home.toString());
    return environment;
  }

  /** Starts {@code builder}'s command with its output in new files under {@code dir}. */
  static Running start(ProcessBuilder builder, Path dir) throws IOException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return new Running(process, out, err);
  }

  /** The runtimes started on {@code dataDir}: those a test must not leave running. */
  static List<ProcessHandle> runtimesOf(Path dataDir) {
    String option = "--data-dir=" + dataDir.toAbsolutePath();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(option)).orElse(false))
        .toList();
  }
}
