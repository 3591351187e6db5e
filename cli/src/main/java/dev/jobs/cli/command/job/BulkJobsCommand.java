package dev.jobs.cli.command.job;

import dev.jobs.cli.api.JobQuery;
import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.BulkOptions;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.options.WindowOptions;
import dev.jobs.cli.output.BulkRun;
import dev.jobs.cli.output.Poller;
import dev.jobs.cli.output.ProgressLine;
import dev.jobs.cli.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * A command that acts on many jobs ({@code cancel}, {@code redrive}): the jobs by id or by a
 * filter, the bulk flags, and {@code --wait}'s timeout. Its steps, in the order a subclass calls
 * them: {@link #named} checks the command line before any call, {@link #confirmed} lists the jobs
 * and prints the dry run or asks, and {@link #poller} follows the jobs with {@code --wait}.
 */
abstract class BulkJobsCommand extends TargetedCommand {
  @Parameters(
      paramLabel = "ID",
      arity = "0..*",
      description = "The ids of the jobs; or select them with a filter.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--type",
      paramLabel = "KIND",
      description = "With a filter: only jobs of this kind.")
  String type;

  @Mixin WindowOptions window;

  @Mixin BulkOptions bulk;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      description =
          "With --wait: give up waiting after this long (exit 4); what was sent stands."
              + " Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  BulkJobsCommand(Environment environment) {
    super(environment);
  }

  /**
   * Checks the command line before any call: the flags' ranges, ids or a filter but not both, and
   * every id (a mistake touches nothing).
   *
   * @param filters the filter flags by name, null where not given
   * @return the jobs named by id, or null when a filter selects them
   */
  JobSelection named(Map<String, String> filters) {
    bulk.check();
    // Each command declares and words its own --wait; the pair is checked as typed.
    ParseResult typed = spec.commandLine().getParseResult();
    if (typed.hasMatchedOption("--timeout") && !typed.hasMatchedOption("--wait")) {
      throw new JobsException(ExitCode.USAGE, "--timeout goes with --wait");
    }
    Durations.notNegative("--timeout", timeout);
    JobSelection.checkOneWay(ids, window, JobSelection.given(filters));
    return ids.isEmpty() ? null : JobSelection.of(ids);
  }

  /** The jobs a command acts on, and the run over them, confirmed. */
  record Confirmed(Session session, JobSelection jobs, BulkRun run) {}

  /**
   * The jobs named, or else those the filter lists (every page), and the run over them once
   * confirmed; null after a dry run, which it printed.
   *
   * @param named what {@link #named} returned
   * @param filter the filter's query, for when no job is named
   * @param words the command's words, for the dry run, the bar and the summary
   */
  Confirmed confirmed(JobSelection named, JobQuery filter, BulkRun.Words words) {
    Session session = session();
    Instant now = session.environment().clock().instant();
    JobSelection chosen =
        named != null ? named : JobSelection.listed(session.api(), filter, window, now);
    if (bulk.dryRun) {
      session.printer().print(chosen.dryRun(words.verb(), now));
      return null;
    }
    BulkRun run = JobSelection.runner(session, bulk, words);
    run.confirm(chosen.ids().size());
    return new Confirmed(session, chosen, run);
  }

  /** How {@code --wait} polls: from {@code first}, backing off to {@code longest}, with a line. */
  static Poller poller(Session session, Duration first, Duration longest) {
    return Poller.backingOff(session.environment(), first, longest)
        .showing(new ProgressLine(session.err(), session.output().progress(session.environment())));
  }
}
