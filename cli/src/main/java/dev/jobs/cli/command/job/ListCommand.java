package dev.jobs.cli.command.job;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobQuery;
import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.WindowOptions;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.JobTable;
import dev.jobs.cli.output.Printer;
import dev.jobs.cli.session.Session;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs list}: a page of jobs, newest first. */
@Command(
    modelTransformer = WindowOptions.Words.class,
    name = "list",
    description = {
      "List jobs, newest first (signed GET /jobs): one page, and on stderr the command for the next"
          + " page.",
      "A job's status time is when it entered its status: queued for QUEUED (a named or"
          + " re-driven job waiting for its start), started for RUNNING, finished for SUCCEEDED,"
          + " FAILED and CANCELLED. The window filters on it.",
      "A RUNNING job silent for longer than its function's timeout and a minute is marked"
          + " stalled: its attempt was lost."
    })
public final class ListCommand extends TargetedCommand {
  /** The statuses the API filters on. */
  enum Status {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED
  }

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only jobs in this status: ${COMPLETION-CANDIDATES} (default: every status).")
  Status status;

  @Mixin WindowOptions window;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Jobs per page, 1 to " + JobQuery.MAX_LIMIT + " (default: 20).")
  Integer limit;

  @Option(
      names = "--next",
      paramLabel = "TOKEN",
      description = "The next page: the token the previous page gave, with the same options.")
  String next;

  ListCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    if (limit != null && (limit < 1 || limit > JobQuery.MAX_LIMIT)) {
      throw new JobsException(
          ExitCode.USAGE, "--limit must be 1 to " + JobQuery.MAX_LIMIT + ", not " + limit);
    }
    Session session = session();
    Instant now = environment.clock().instant();
    JobQuery query =
        new JobQuery(
            status == null ? null : status.name(),
            window.since(now),
            window.until(now),
            limit,
            next);
    JobPage page = session.api().list(query);
    Printer printer = session.printer();
    printer.print(
        Answer.of(
            page::body,
            out -> page.jobs().forEach(job -> out.println(job.id())),
            out -> {
              if (page.jobs().isEmpty()) {
                out.println(none(query));
              } else {
                JobTable.print(out, page.jobs(), now);
              }
            }));
    // The JSON carries the token itself; people and id lists get the command that goes on.
    if (!printer.json() && page.next().isPresent()) {
      session.err().println("next page: " + command(query.withNext(page.next().get())));
      session.err().flush();
    }
    return ExitCode.OK;
  }

  /** The command line of the query, times as the instants sent, so each page has one window. */
  private String command(JobQuery query) {
    StringBuilder command = new StringBuilder("jobs list");
    if (target.target != null) {
      command.append(" --target ").append(target.target);
    }
    if (query.status() != null) {
      command.append(" --status ").append(query.status());
    }
    if (query.since() != null) {
      command.append(" --since ").append(query.since());
    }
    if (query.until() != null) {
      command.append(" --until ").append(query.until());
    }
    if (query.limit() != null) {
      command.append(" --limit ").append(query.limit());
    }
    if (output.quiet()) {
      command.append(" -q");
    }
    return command.append(" --next ").append(query.next()).toString();
  }

  private static String none(JobQuery query) {
    String jobs = query.status() == null ? "no jobs" : "no " + query.status() + " jobs";
    if (query.since() == null) {
      return jobs
          + " in the 24 hours before "
          + (query.until() == null ? "now" : query.until().toString())
          + " (see --since)";
    }
    return jobs
        + " since "
        + query.since()
        + (query.until() == null ? "" : " until " + query.until());
  }
}
