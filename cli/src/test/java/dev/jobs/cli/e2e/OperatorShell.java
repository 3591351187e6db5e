package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.testing.FieldScopedResource;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.e2e.Shell.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * An operator's bash, as the README sets it up: the built {@code jobs} first on the {@code PATH},
 * the README's shell line sourced, a fresh home, and a local runtime of the test's own under {@code
 * home/local} on a free port.
 *
 * <p>Registered as a JUnit extension ({@link #inAFreshHome}, {@link #withLocalRuntime}) it makes
 * the home before each test (an instance field) or once for the class (a static field), and stops
 * the home's runtime and removes the home after them, so that a test that fails leaks no process.
 */
final class OperatorShell extends FieldScopedResource {
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

  /** How long a job may take to report its first progress. */
  private static final Duration PROGRESS_WITHIN = Duration.ofSeconds(60);

  /** The options to start the runtime with before the tests; null where each test starts it. */
  private final String runtimeOptions;

  private Path home;

  /** A shell in {@code home}, which the caller made and removes. */
  OperatorShell(Path home) {
    this(home, null);
  }

  private OperatorShell(Path home, String runtimeOptions) {
    this.home = home;
    this.runtimeOptions = runtimeOptions;
  }

  /**
   * A shell in a fresh home, whose tests start the local runtime with the options they are about.
   */
  static OperatorShell inAFreshHome() {
    return new OperatorShell(null, null);
  }

  /** A shell in a fresh home whose local runtime is started with {@code options} before. */
  static OperatorShell withLocalRuntime(String options) {
    return new OperatorShell(null, options);
  }

  @Override
  protected void open() throws IOException, InterruptedException {
    home = Files.createTempDirectory("operator-home");
    if (runtimeOptions != null) {
      startLocalRuntime(runtimeOptions);
    }
  }

  @Override
  protected void close() throws IOException, InterruptedException {
    try {
      stopLocalRuntime();
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** The operator's home directory. */
  Path home() {
    return home;
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
    for (ProcessHandle runtime : Shell.runtimesOf(localDir())) {
      runtime.destroyForcibly();
      // Ended before the home is removed: a runtime still writing its log would keep it.
      runtime.onExit().join();
    }
    if (stopped != null) {
      assertThat(stopped.exitCode()).as(stopped.err()).isZero();
    }
  }

  /** {@code jobs submit ARGUMENTS}, which must succeed: the id it printed. */
  String submit(String arguments) throws IOException, InterruptedException {
    Run submitted = bash("jobs submit " + arguments);
    assertThat(submitted.exitCode()).as(submitted.err()).isZero();
    return submitted.out().strip();
  }

  /** The job's record as {@code jobs get ID --output json} prints it. */
  JsonNode get(String id) throws IOException, InterruptedException {
    Run got = bash("jobs get " + id + " --output json");
    assertThat(got.exitCode()).as(got.err()).isZero();
    return Json.mapper().readTree(got.out());
  }

  /** The record once the job reported progress: it is running. */
  JsonNode awaitProgress(String id) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(PROGRESS_WITHIN);
    while (true) {
      JsonNode job = get(id);
      if (job.has("progress") || Instant.now().isAfter(deadline)) {
        assertThat(job.has("progress")).as(job.toString()).isTrue();
        return job;
      }
      Thread.sleep(300);
    }
  }

  private Path localDir() {
    return home.resolve("local");
  }
}
