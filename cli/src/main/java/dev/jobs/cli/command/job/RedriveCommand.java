package dev.jobs.cli.command.job;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobQuery;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.WindowOptions;
import dev.jobs.cli.output.BulkRun;
import dev.jobs.cli.output.BulkRun.Outcome;
import dev.jobs.cli.output.BulkSummary;
import dev.jobs.cli.output.JobEnds;
import dev.jobs.cli.output.Poller;
import dev.jobs.cli.replay.RetryStep;
import dev.jobs.cli.session.Session;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobs redrive}: a new attempt of failed jobs from their records ({@code POST
 * /jobs/{id}/retry}), named by id or selected by a filter; each job is re-driven once, whoever else
 * calls at the same moment (the API's write is conditional on the job's status).
 */
@Command(
    modelTransformer = WindowOptions.Words.class,
    name = "redrive",
    description = {
      "Re-drive jobs from their records (signed POST /jobs/{id}/retry): each runs again under its"
          + " id with its stored parameters, its attempts counting on. Name them by id, or select"
          + " them by a filter (every page of GET /jobs): --status, --type, --error-type,"
          + " --condition, and a window from --since.",
      "A job that is no longer in its status (re-driven by someone else meanwhile) is skipped;"
          + " one in another status is refused. More than 10 jobs ask first (--yes). Ctrl-C stops"
          + " between two jobs and says how far it got.",
      "Exit 0 when every job was re-driven (with --wait: every one SUCCEEDED), 3 when one was"
          + " refused or (with --wait) FAILED again or ended otherwise, 4 on timeout."
    })
public final class RedriveCommand extends BulkJobsCommand {
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

  static final BulkRun.Words WORDS = RetryStep.WORDS;

  /** The statuses a job is re-driven from. */
  enum Status {
    FAILED,
    CANCELLED
  }

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      defaultValue = "FAILED",
      description =
          "The status re-driven from: ${COMPLETION-CANDIDATES}. CANCELLED (sent as"
              + " ?cancelled=true) re-drives a CANCELLED job too, and with a filter selects the"
              + " CANCELLED ones. Default: ${DEFAULT-VALUE}.")
  Status status;

  @Option(
      names = "--error-type",
      paramLabel = "TYPE",
      description =
          "With a filter: only jobs whose error type is exactly this (the record's error.type).")
  String errorType;

  @Option(
      names = "--condition",
      paramLabel = "CONDITION",
      description =
          "With a filter: only jobs that failed on this condition (RetriesExhausted,"
              + " EventAgeExceeded, ValidationFailed).")
  String condition;

  @Option(
      names = "--wait",
      description = "Wait until each re-driven job has ended, and say how each did.")
  boolean await;

  RedriveCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("--type", type);
    filters.put("--error-type", errorType);
    filters.put("--condition", condition);
    Confirmed confirmed =
        confirmed(
            named(filters),
            new JobQuery(status.name(), null, null, null, null, type, errorType, condition),
            WORDS);
    if (confirmed == null) {
      return ExitCode.OK;
    }
    Session session = confirmed.session();
    RetryStep api = new RetryStep(session.api(), status == Status.CANCELLED);
    boolean byFilter = confirmed.jobs().byFilter();
    BulkRun.Ran ran = confirmed.run().run(confirmed.jobs().ids(), id -> api.retry(id, byFilter));
    if (ran.interrupted()) {
      session.printer().print(new BulkSummary(ran, WORDS, null).answer());
      throw new JobsException(ExitCode.INTERRUPTED, "interrupted; " + BulkRun.howFar(ran));
    }
    Map<String, JobPage.Job> ends = null;
    if (await) {
      Poller poller = poller(session, FIRST_PAUSE, LONGEST_PAUSE);
      ends =
          JobEnds.await(
              poller,
              session.api(),
              ran.ids(Outcome.DONE),
              timeout,
              "re-driven jobs",
              session.err());
    }
    BulkSummary summary = new BulkSummary(ran, WORDS, ends);
    session.printer().print(summary.answer());
    return summary.succeeded("SUCCEEDED") ? ExitCode.OK : ExitCode.JOB_FAILED;
  }
}
