package dev.jobs.cli.command.job;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobQuery;
import dev.jobs.cli.api.JobWindow;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.options.BulkOptions;
import dev.jobs.cli.options.WindowOptions;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.BulkRun;
import dev.jobs.cli.output.Confirmation;
import dev.jobs.cli.output.JobTable;
import dev.jobs.cli.output.ProgressLine;
import dev.jobs.cli.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The jobs a bulk command acts on: named by their ids, or selected by a filter ({@code GET /jobs}
 * with a status, the exact type, error type and condition, and a window that must start somewhere),
 * never both.
 *
 * @param ids the jobs' ids, each once, in order (newest first for a filter)
 * @param listed the records the filter listed; empty for ids
 */
record JobSelection(List<String> ids, List<JobPage.Job> listed, boolean byFilter) {
  /** Ids as typed, each checked, duplicates dropped: a mistake touches nothing. */
  static JobSelection of(List<String> ids) {
    for (String id : ids) {
      if (!JobsClient.isJobId(id)) {
        throw new JobsException(ExitCode.USAGE, JobsClient.notAJobId(id));
      }
    }
    return new JobSelection(List.copyOf(new LinkedHashSet<>(ids)), List.of(), false);
  }

  /**
   * Checks that the command line names jobs one way only, before any call.
   *
   * @param filters the filter flags given ({@code --type T}, ...), named for the message
   */
  static void checkOneWay(List<String> ids, WindowOptions window, List<String> filters) {
    boolean filtered = window.given() || !filters.isEmpty();
    if (!ids.isEmpty() && filtered) {
      List<String> named = new ArrayList<>(filters);
      if (window.given()) {
        named.add("--since/--until");
      }
      throw new JobsException(
          ExitCode.USAGE,
          "give job ids or a filter, not both (ids with " + String.join(", ", named) + ")");
    }
    if (ids.isEmpty() && window.since(Instant.EPOCH) == null) {
      throw new JobsException(
          ExitCode.USAGE, "name the jobs: give their ids, or a filter with --since TIME");
    }
  }

  /** Every job the filter selects in the window, through every page of {@code GET /jobs}. */
  static JobSelection listed(JobsClient api, JobQuery filter, WindowOptions window, Instant now) {
    WindowOptions.Window range = window.resolve(now, Duration.ZERO);
    List<JobPage.Job> jobs = JobWindow.every(api, filter, range.start(), range.end());
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    jobs.forEach(job -> ids.add(job.id()));
    return new JobSelection(List.copyOf(ids), jobs, true);
  }

  /** What {@code --dry-run} answers: the jobs that would be touched, and how many. */
  Answer dryRun(String verb, Instant now) {
    return Answer.of(
        () -> {
          ObjectNode json = Json.mapper().createObjectNode();
          json.put("dryRun", true);
          json.put("count", ids.size());
          ArrayNode array = json.putArray("ids");
          ids.forEach(array::add);
          if (byFilter) {
            ArrayNode records = json.putArray("jobs");
            listed.forEach(job -> records.add(Json.mapper().readTree(Json.write(job.node()))));
          }
          return json;
        },
        out -> ids.forEach(out::println),
        out -> {
          out.println("would " + verb + " " + ids.size() + " jobs" + (ids.isEmpty() ? "" : ":"));
          if (byFilter && !listed.isEmpty()) {
            JobTable.print(out, listed, now);
          } else {
            ids.forEach(id -> out.println("  " + id));
          }
        });
  }

  /** The filter flags a command line gave, for the message when ids come with them. */
  static List<String> given(Map<String, String> flags) {
    List<String> given = new ArrayList<>();
    flags.forEach(
        (name, value) -> {
          if (value != null) {
            given.add(name);
          }
        });
    return given;
  }

  /**
   * The bulk run of a command in this session: its flags, a bar on a terminal, the Ctrl-C notice on
   * stderr, and the terminal to confirm on when there is one.
   */
  static BulkRun runner(Session session, BulkOptions options, BulkRun.Words words) {
    return new BulkRun(
        session.environment(),
        options,
        words,
        new ProgressLine(session.err(), session.output().progress(session.environment())),
        session.err(),
        Confirmation.terminal());
  }
}
