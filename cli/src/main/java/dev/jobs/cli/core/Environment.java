package dev.jobs.cli.core;

import dev.jobs.local.RuntimeFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a command sees of the machine: environment variables, the home directory, whether stderr is
 * a terminal (where live progress is drawn), the clock and how to sleep. Tests pass their own.
 */
public record Environment(
    Map<String, String> variables, Path home, boolean terminal, Clock clock, Sleeper sleeper) {

  /** How a command waits between polls; tests pass one that only advances a fake clock. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public static Environment system() {
    String hint = System.getProperty(STDERR_TTY);
    return new Environment(
        System.getenv(),
        home(System.getenv()),
        // System.console() only without the launcher's hint: on JDK 25 it looks up console
        // providers across the JDK's modules, milliseconds of a short command.
        stderrIsTerminal(hint, hint == null && System.console() != null),
        Clock.systemUTC(),
        new ThreadSleeper());
  }

  /**
   * {@link Thread#sleep}, as a class rather than a lambda: a lambda's class is spun when its call
   * site is first linked, which the AOT cache's training (with its own environment) never links.
   */
  private static final class ThreadSleeper implements Sleeper {
    @Override
    public void sleep(Duration duration) throws InterruptedException {
      Thread.sleep(duration.toMillis());
    }
  }

  /** The launchers' answer to {@code [ -t 2 ]}: {@code 1} when stderr is a terminal, else empty. */
  public static final String STDERR_TTY = "jobs.stderr.tty";

  /**
   * Whether stderr is a terminal. Java 17 cannot ask about stderr itself ({@code System.console()}
   * answers for stdin and stdout), so the launchers pass {@code -Djobs.stderr.tty=$([ -t 2 ] &&
   * echo 1)}; without that hint (a bare {@code java -jar}) the console stands in.
   */
  static boolean stderrIsTerminal(String hint, boolean console) {
    if (hint == null) {
      return console;
    }
    return hint.trim().equals("1");
  }

  /**
   * The user's home: {@code HOME} when set, as the AWS CLI and the SDK's profile files take it,
   * else Java's {@code user.home}.
   */
  public static Path home(Map<String, String> variables) {
    String home = variables.get("HOME");
    return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
  }

  /** The variable's value, absent when unset or blank. */
  public Optional<String> get(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public Path jobsDir() {
    return home.resolve(".jobs");
  }

  /** The targets file: {@code $JOBS_CONFIG}, else {@code ~/.jobs/config.json}. */
  public Path configFile() {
    return get("JOBS_CONFIG").map(Path::of).orElse(jobsDir().resolve("config.json"));
  }

  /** The local runtime's data directory: {@code $JOBS_LOCAL_DIR}, else {@code ~/.jobs/local}. */
  public Path localDir() {
    return RuntimeFile.dataDir(null, variables, home);
  }

  /** Where assumed-role credentials and resolved local outputs are cached. */
  public Path cacheDir() {
    return get("JOBS_CACHE_DIR").map(Path::of).orElse(jobsDir().resolve("cache"));
  }
}
