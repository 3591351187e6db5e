package dev.jobs.cli.command.job;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobQuery;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.options.WindowOptions;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.BulkRun;
import dev.jobs.cli.output.BulkRun.Outcome;
import dev.jobs.cli.output.BulkRun.Step;
import dev.jobs.cli.output.BulkSummary;
import dev.jobs.cli.output.CancelWaiter;
import dev.jobs.cli.output.Cancellation;
import dev.jobs.cli.output.Poller;
import dev.jobs.cli.session.Session;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code jobs cancel ID...} or {@code jobs cancel --status ... --since ...}: asks jobs to stop, and
 * with {@code --wait} waits until they have.
 */
@Command(
    modelTransformer = WindowOptions.Words.class,
    name = "cancel",
    description = {
      "Cancel jobs (signed POST /jobs/{id}/cancel): a RUNNING job stops at its next check, a job"
          + " not started yet (QUEUED) never runs. One line per job, then how many of each when"
          + " there were several.",
      "Name them by id, or select them by a filter (every page of GET /jobs): --status QUEUED or"
          + " RUNNING, --type, and a window from --since. More than 10 jobs ask first (--yes)."
          + " Ctrl-C stops between two jobs and says how far it got.",
      "Exit 0 when every job is cancelled (with --wait: ended CANCELLED), 3 when one had ended"
          + " or ended otherwise (SUCCEEDED, FAILED: nothing changed; a job a filter listed that"
          + " ended since is skipped), 4 on timeout."
    })
public final class CancelCommand extends BulkJobsCommand {
  /**
   * The first pause of {@code --wait}: a job stops within about a second of its cancel, so the
   * first polls come soon; they back off as for any wait, to {@link #LONGEST_PAUSE}, for a job that
   * ignores the cancel and runs on.
   */
  static final Duration FIRST_PAUSE = Duration.ofMillis(500);

  static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  static final BulkRun.Words WORDS =
      new BulkRun.Words(
          "cancel",
          "cancelled",
          "cancelled",
          List.of(
              new BulkRun.End("CANCELLED", "ended CANCELLED", "endedCancelled"),
              new BulkRun.End("SUCCEEDED", "ran on to SUCCEEDED", "endedSucceeded"),
              new BulkRun.End("FAILED", "ran on to FAILED", "endedFailed")));

  /** The statuses a job can be cancelled in. */
  enum Status {
    QUEUED,
    RUNNING
  }

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Select by filter: jobs in this status, ${COMPLETION-CANDIDATES}.")
  Status status;

  @Option(
      names = "--wait",
      description =
          "Wait until each RUNNING job has stopped (CANCELLED) or ended otherwise, and show how.")
  boolean await;

  CancelCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("--status", status == null ? null : status.name());
    filters.put("--type", type);
    JobSelection named = named(filters);
    if (named == null && status == null) {
      throw new JobsException(ExitCode.USAGE, "a filter needs --status QUEUED or RUNNING");
    }
    Confirmed confirmed =
        confirmed(
            named,
            new JobQuery(
                status == null ? null : status.name(), null, null, null, null, type, null, null),
            WORDS);
    if (confirmed == null) {
      return ExitCode.OK;
    }
    Session session = confirmed.session();
    JobSelection chosen = confirmed.jobs();
    BulkRun run = confirmed.run();
    boolean byFilter = chosen.byFilter();
    Map<String, Cancellation> cancels = new LinkedHashMap<>();
    BulkRun.Ran ran =
        run.run(
            chosen.ids(),
            id -> {
              Cancellation cancel = Cancellation.of(id, session.api().cancel(id));
              cancels.put(id, cancel);
              return step(cancel, byFilter);
            });
    boolean several = chosen.ids().size() > 1 || byFilter;
    if (ran.interrupted()) {
      print(session, List.copyOf(cancels.values()), new BulkSummary(ran, WORDS, null), true);
      throw new JobsException(ExitCode.INTERRUPTED, "interrupted; " + BulkRun.howFar(ran));
    }
    List<Cancellation> done = List.copyOf(cancels.values());
    if (await) {
      Poller poller = poller(session, FIRST_PAUSE, LONGEST_PAUSE);
      done = CancelWaiter.await(poller, session.api(), timeout, done, session.err());
    }
    Map<String, JobPage.Job> ends = null;
    if (await) {
      ends = new LinkedHashMap<>();
      for (Cancellation cancel : done) {
        if (cancel.record() != null) {
          ends.put(cancel.id(), cancel.record());
        }
      }
    }
    print(session, done, new BulkSummary(ran, WORDS, ends), several);
    boolean all =
        done.stream()
            .filter(cancel -> !(byFilter && cancel.outcome() == Cancellation.Outcome.ALREADY_ENDED))
            .allMatch(cancel -> cancel.cancelled(await));
    return all ? ExitCode.OK : ExitCode.JOB_FAILED;
  }

  /**
   * The cancel read as a step of the run: a job that had ended is refused, or skipped when a filter
   * listed it (it was QUEUED or RUNNING then, and ended meanwhile).
   */
  private static Step step(Cancellation cancel, boolean byFilter) {
    if (cancel.outcome() == Cancellation.Outcome.ALREADY_ENDED) {
      return new Step(
          cancel.id(),
          byFilter ? Outcome.SKIPPED : Outcome.REFUSED,
          cancel.refused() != null ? cancel.refused() : cancel.line(),
          cancel.record());
    }
    return new Step(cancel.id(), Outcome.DONE, null, cancel.record());
  }

  /** One line per job, then how many of each when there were several. */
  private static void print(
      Session session, List<Cancellation> done, BulkSummary summary, boolean several) {
    session
        .printer()
        .print(
            Answer.of(
                () -> summary.json(json(done)),
                out -> done.forEach(cancel -> out.println(cancel.status())),
                out -> {
                  done.forEach(cancel -> out.println(cancel.line()));
                  if (several) {
                    summary.text(out, false);
                  }
                }));
  }

  /** One document: {@code {"jobs": [{"id", "outcome", "status", "record" or "message"}, ...]}}. */
  private static ObjectNode json(List<Cancellation> cancels) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode jobs = root.putArray("jobs");
    cancels.forEach(cancel -> jobs.add(cancel.json()));
    return root;
  }
}
