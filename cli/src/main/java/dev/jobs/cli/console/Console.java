package dev.jobs.cli.console;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.logs.LogEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the console's pages read and change, on the server side: the target's jobs API (signed by
 * the session), a job's log lines, the target's alarms, and the clock and sleeper of the command.
 * The browser sees only the pages made from them.
 *
 * @param target the target's name, shown on every page
 */
public record Console(
    String target, JobsClient api, LogLines logs, Alarms alarms, Environment environment) {
  /** The target's alarms, as {@code jobs alarms} reads them. */
  @FunctionalInterface
  public interface Alarms {
    /** A target that keeps none: the local runtime has no CloudWatch. */
    Alarms NONE = Optional::empty;

    /** The alarms, those in ALARM first; empty when the target keeps no alarms at all. */
    Optional<List<Alarm>> read();
  }

  /**
   * One alarm and its state.
   *
   * @param since when it entered the state, or null
   */
  public record Alarm(String name, String state, Instant since, String reason) {}

  /** A job's log lines, as {@code jobs logs} reads them, for its record. */
  @FunctionalInterface
  public interface LogLines {
    List<LogEvent> of(JobPage.Job record);
  }
}
