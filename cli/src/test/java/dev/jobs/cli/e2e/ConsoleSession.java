package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.e2e.Shell.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * An operator's {@code jobs console} on a local runtime of the test's own, as they start it: the
 * runtime in the background ({@code jobs local start --detach}, three jobs at a time), then the
 * built {@code jobs console --no-open} in the same shell's environment, until it prints its URL.
 */
final class ConsoleSession implements AutoCloseable {
  private static final Pattern URL =
      Pattern.compile("console: ((http://127\\.0\\.0\\.1:\\d+)/\\?token=\\S+)");
  private static final Duration PRINTS_WITHIN = Duration.ofSeconds(120);
  private static final Duration STATUS_WITHIN = Duration.ofSeconds(60);

  private final OperatorShell shell;
  private final Shell.Running console;
  private final Matcher printed;

  private ConsoleSession(OperatorShell shell, Shell.Running console, Matcher printed) {
    this.shell = shell;
    this.console = console;
    this.printed = printed;
  }

  /** Starts the home's runtime and its console; ends both again if the console prints no URL. */
  static ConsoleSession start(Path home) throws Exception {
    OperatorShell shell = new OperatorShell(home);
    shell.startLocalRuntime("--concurrency 3");
    Shell.Running console = null;
    try {
      console = shell.start("exec env jobs console --no-open");
      return new ConsoleSession(shell, console, awaitUrl(console));
    } catch (Exception | AssertionError e) {
      stop(console);
      shell.stopLocalRuntime();
      throw e;
    }
  }

  /** The URL the console printed, with its token: the first visit turns it into the cookie. */
  String url() {
    return printed.group(1);
  }

  /** The console's origin, {@code http://127.0.0.1:PORT}. */
  String base() {
    return printed.group(2);
  }

  /** One command line in the operator's shell. */
  Run bash(String line) throws IOException, InterruptedException {
    return shell.bash(line);
  }

  /**
   * Three failed jobs in two failure groups: {@code flaky-a} and {@code flaky-b} failed their one
   * attempt; {@code script-job} has a parameter its kind does not know, {@code note=<script>...},
   * so it fails its validation with its parameters kept as sent, a failure of another group.
   */
  void submitFailedJobs() throws Exception {
    for (String job :
        List.of(
            "--id flaky-a",
            "--id flaky-b",
            "--param 'note=<script>alert(1)</script>' --id script-job")) {
      Run submitted = bash("jobs submit --type flaky --param failures=1 " + job + " --wait");
      assertThat(submitted.exitCode()).as(submitted.err()).isEqualTo(ExitCode.JOB_FAILED);
    }
  }

  /** Waits until {@code jobs get ID} says {@code status}, for a minute at most. */
  void awaitStatus(String id, String status) throws Exception {
    Instant deadline = Instant.now().plus(STATUS_WITHIN);
    String last = "no record";
    while (Instant.now().isBefore(deadline)) {
      JsonNode record = Json.mapper().readTree(bash("jobs get " + id + " --output json").out());
      last = record.toString();
      if (status.equals(record.path("status").asString())) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(id + " is not " + status + ": " + last);
  }

  /** Ends the console (as Ctrl-C does) and stops the runtime as a user does. */
  @Override
  public void close() throws IOException, InterruptedException {
    stop(console);
    shell.stopLocalRuntime();
  }

  private static Matcher awaitUrl(Shell.Running console) throws Exception {
    Instant deadline = Instant.now().plus(PRINTS_WITHIN);
    while (Instant.now().isBefore(deadline)) {
      Matcher matcher = URL.matcher(Files.readString(console.out(), StandardCharsets.UTF_8));
      if (matcher.find()) {
        return matcher;
      }
      assertThat(console.process().isAlive())
          .as("jobs console runs: %s", Files.readString(console.err(), StandardCharsets.UTF_8))
          .isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("jobs console printed no URL");
  }

  private static void stop(Shell.Running console) throws InterruptedException {
    if (console != null) {
      console.process().destroy();
      console.process().waitFor();
    }
  }
}
