package dev.jobs.cli;

import dev.jobs.local.RuntimeFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a command sees of the machine: environment variables, the home directory, whether a person
 * watches a terminal, the clock and how to sleep. Tests pass their own.
 */
public record Environment(
    Map<String, String> variables, Path home, boolean terminal, Clock clock, Sleeper sleeper) {

  /** How a command waits between polls; tests pass one that only advances a fake clock. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public static Environment system() {
    return new Environment(
        System.getenv(),
        home(System.getenv()),
        System.console() != null,
        Clock.systemUTC(),
        duration -> Thread.sleep(duration.toMillis()));
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
