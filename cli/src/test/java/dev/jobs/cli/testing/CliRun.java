package dev.jobs.cli.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.app.CommandModel;
import dev.jobs.cli.app.Jobs;
import dev.jobs.cli.core.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code jobs} in this process with its own home directory, environment variables and clock:
 * the sleeper advances the clock instead of sleeping, so waits take no time.
 */
public final class CliRun {
  /** What a command line did. */
  public record Result(int exitCode, String out, String err) {
    /**
     * What a failed run printed on stderr, once checked that it exited with {@code expected} and
     * said what went wrong in one line.
     */
    public String oneLineError(int expected) {
      assertThat(exitCode).as(err).isEqualTo(expected);
      assertThat(err.lines()).as(err).hasSize(1);
      return err;
    }
  }

  private final Path home;
  private final Map<String, String> variables = new HashMap<>();
  private Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  private Duration slept = Duration.ZERO;
  private boolean terminal;
  private int sleepsBeforeCtrlC = -1;

  /**
   * A run in {@code home}. It does not start a local runtime on demand ({@code
   * JOBS_LOCAL_AUTOSTART=0}): an in-process test starts no JVM; the {@code *IT} tests cover that.
   */
  public CliRun(Path home) {
    this.home = home;
    variables.put("JOBS_LOCAL_AUTOSTART", "0");
  }

  public CliRun env(String name, String value) {
    variables.put(name, value);
    return this;
  }

  /**
   * A profile {@code dev} with static keys in the credentials file, and no config file: the AWS
   * side of a deployed target.
   */
  public CliRun devProfile() throws java.io.IOException {
    java.nio.file.Path credentials =
        java.nio.file.Files.writeString(
            home.resolve("credentials"),
            "[dev]\naws_access_key_id = AKIADEVKEY\naws_secret_access_key = dev-secret\n");
    return env("AWS_SHARED_CREDENTIALS_FILE", credentials.toString())
        .env("AWS_CONFIG_FILE", home.resolve("no-config").toString());
  }

  public CliRun terminal(boolean terminal) {
    this.terminal = terminal;
    return this;
  }

  /**
   * A Ctrl-C after this many sleeps: the next one is interrupted, as a SIGINT interrupts a wait in
   * a command that handles it in process.
   */
  public CliRun ctrlCAfterSleeps(int sleeps) {
    this.sleepsBeforeCtrlC = sleeps;
    return this;
  }

  /** A real clock, for tests whose credentials must expire in real time. */
  public CliRun realClock() {
    now = null;
    return this;
  }

  public Instant now() {
    return now;
  }

  public Path home() {
    return home;
  }

  public Duration slept() {
    return slept;
  }

  public Result run(String... args) {
    return run(false, args);
  }

  /** Runs the command line through picocli always, even where {@code jobs} takes a quicker path. */
  public Result runWithPicocli(String... args) {
    return run(true, args);
  }

  private Result run(boolean picocli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Clock clock =
        now == null
            ? Clock.systemUTC()
            : new Clock() {
              @Override
              public ZoneOffset getZone() {
                return ZoneOffset.UTC;
              }

              @Override
              public Clock withZone(java.time.ZoneId zone) {
                return this;
              }

              @Override
              public Instant instant() {
                return now;
              }
            };
    Environment environment =
        new Environment(
            Map.copyOf(variables),
            home,
            terminal,
            clock,
            duration -> {
              if (sleepsBeforeCtrlC == 0) {
                throw new InterruptedException("Ctrl-C");
              }
              if (sleepsBeforeCtrlC > 0) {
                sleepsBeforeCtrlC--;
              }
              slept = slept.plus(duration);
              if (now != null) {
                now = now.plus(duration);
              }
            });
    int code;
    if (picocli) {
      picocli.CommandLine cli = CommandModel.commandLine(environment);
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      code = cli.execute(args);
    } else {
      code = Jobs.run(environment, new PrintWriter(out), new PrintWriter(err), args);
    }
    return new Result(code, out.toString(), err.toString());
  }
}
