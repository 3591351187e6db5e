package dev.jobs.cli.console;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.logs.LogEvent;
import java.util.List;

/**
 * What the console's pages read and change, on the server side: the target's jobs API (signed by
 * the session), a job's log lines, and the clock and sleeper of the command. The browser sees only
 * the pages made from them.
 *
 * @param target the target's name, shown on every page
 */
public record Console(String target, JobsClient api, LogLines logs, Environment environment) {
  /** A job's log lines, as {@code jobs logs} reads them, for its record. */
  @FunctionalInterface
  public interface LogLines {
    List<LogEvent> of(JobPage.Job record);
  }
}
