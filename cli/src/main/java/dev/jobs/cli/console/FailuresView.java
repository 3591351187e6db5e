package dev.jobs.cli.console;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobWindow;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.options.BulkOptions;
import dev.jobs.cli.output.BulkRun;
import dev.jobs.cli.output.BulkRun.Outcome;
import dev.jobs.cli.output.BulkRun.Step;
import dev.jobs.cli.output.ProgressLine;
import dev.jobs.cli.replay.RetryStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The failures page ({@code /failures}): the FAILED jobs of the window grouped by type, error type
 * and condition, with counts; a group's preview ({@code /failures/preview}, a GET that touches
 * nothing) lists the jobs a re-drive would touch, and its form re-drives exactly those ({@code POST
 * /failures/redrive}) through the bulk engine of {@code jobs redrive}: the same retry call, at its
 * default rate, with its summary.
 */
final class FailuresView {
  /** The most jobs one form re-drives: a bigger group is re-driven from the terminal. */
  static final int MOST_JOBS = 1000;

  /** The preview's form, which its rows' boxes belong to. */
  private static final String SELECTION = "redrive";

  private FailuresView() {}

  /** One group: the jobs' type, error type and condition (each may be null). */
  record Group(String type, String errorType, String condition) {
    static Group of(JobPage.Job job) {
      JsonNode error = job.fields().get("error");
      return new Group(
          job.type(),
          error == null ? null : Json.text(error, "type"),
          error == null ? null : Json.text(error, "condition"));
    }

    static Group of(Request request) {
      return new Group(
          JobsView.blankToNull(request.parameter("type")),
          JobsView.blankToNull(request.parameter("errorType")),
          JobsView.blankToNull(request.parameter("condition")));
    }

    Map<String, String> query(Window window, Instant end) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("window", window.parameter);
      query.put("until", end.toString());
      query.put("type", type);
      query.put("errorType", errorType);
      query.put("condition", condition);
      return query;
    }
  }

  static Layout.Page page(Console console, Request request) {
    Window window = Window.of(request.parameter("window"));
    Instant end = console.environment().clock().instant();
    List<JobPage.Job> failed = failed(console, window, end);
    Map<Group, Integer> groups = new LinkedHashMap<>();
    failed.forEach(job -> groups.merge(Group.of(job), 1, Integer::sum));
    List<Map.Entry<Group, Integer>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(Map.Entry.<Group, Integer>comparingByValue(Comparator.reverseOrder()));

    StringBuilder live = new StringBuilder();
    if (sorted.isEmpty()) {
      live.append("<p>No FAILED jobs in the ").append(window.label).append(".</p>");
    } else {
      live.append("<p>")
          .append(failed.size())
          .append(" FAILED jobs in the ")
          .append(window.label)
          .append(", in ")
          .append(sorted.size())
          .append(sorted.size() == 1 ? " group" : " groups")
          .append(".</p>")
          .append("<div class=\"scroll\"><table class=\"groups\"><thead><tr>")
          .append("<th scope=\"col\">type</th><th scope=\"col\">error type</th>")
          .append("<th scope=\"col\">condition</th><th scope=\"col\">jobs</th>")
          .append("<th scope=\"col\"><span class=\"visually-hidden\">action</span></th>")
          .append("</tr></thead><tbody>");
      for (Map.Entry<Group, Integer> entry : sorted) {
        Group group = entry.getKey();
        live.append("<tr><td>")
            .append(Html.text(group.type()))
            .append("</td><td title=\"")
            .append(Html.text(group.errorType()))
            .append("\">")
            .append(
                Html.text(group.errorType() == null ? null : JobPage.simpleName(group.errorType())))
            .append("</td><td>")
            .append(Html.text(group.condition()))
            .append("</td><td class=\"number\">")
            .append(entry.getValue())
            .append("</td><td><a class=\"button\" href=\"")
            .append(Layout.href("/failures/preview", group.query(window, end)))
            .append("\">Re-drive…</a></td></tr>");
      }
      live.append("</tbody></table></div>");
    }
    String fixed =
        "<form method=\"get\" action=\"/failures\" class=\"filters\">"
            + "<label>Window <select name=\"window\">"
            + window.options()
            + "</select></label> <button type=\"submit\">Show</button></form>";
    return new Layout.Page("Failures", "failures", fixed, live.toString(), 0);
  }

  /** The dry run: the group's jobs as listed now, and the form that re-drives exactly those. */
  static Layout.Page preview(Console console, Request request, String csrf) {
    Window window = Window.of(request.parameter("window"));
    Instant end = Window.end(request.parameter("until"), console.environment().clock().instant());
    Group group = Group.of(request);
    List<JobPage.Job> jobs =
        failed(console, window, end).stream().filter(job -> Group.of(job).equals(group)).toList();
    Instant now = console.environment().clock().instant();
    StringBuilder fixed =
        new StringBuilder("<p>Group: type <strong>")
            .append(Html.text(Objects.toString(group.type(), "(none)")))
            .append("</strong>, error type <strong>")
            .append(Html.text(Objects.toString(group.errorType(), "(none)")))
            .append("</strong>, condition <strong>")
            .append(Html.text(Objects.toString(group.condition(), "(none)")))
            .append("</strong>.</p>");
    StringBuilder live = new StringBuilder();
    if (jobs.isEmpty()) {
      live.append("<p>No FAILED job of this group is left in the window: nothing to re-drive.</p>");
    } else if (jobs.size() > MOST_JOBS) {
      live.append("<p>")
          .append(jobs.size())
          .append(" jobs: more than ")
          .append(MOST_JOBS)
          .append(" are re-driven from the terminal (jobs redrive).</p>");
    } else {
      fixed
          .append("<form method=\"post\" action=\"/failures/redrive\" id=\"")
          .append(SELECTION)
          .append("\" data-confirm=\"Re-drive {checked} jobs?\">")
          .append(Layout.csrfField(csrf))
          .append("<button type=\"submit\">Re-drive these jobs</button> (untick those to leave")
          .append(" alone) <a href=\"")
          .append(Layout.href("/failures", Map.of("window", window.parameter)))
          .append("\">Back</a></form>");
      live.append("<p>Would re-drive ")
          .append(jobs.size())
          .append(" jobs, at most ")
          .append(BulkOptions.DEFAULT_RATE)
          .append(" a second:</p>")
          .append(Cells.table(jobs, now, SELECTION));
    }
    return new Layout.Page("Re-drive preview", "failures", fixed.toString(), live.toString(), 0);
  }

  /** Re-drives the previewed ids, paced as {@code jobs redrive}, and shows its summary. */
  static Layout.Page redrive(Console console, Request request) {
    LinkedHashSet<String> ids = new LinkedHashSet<>(request.fields("id"));
    for (String id : ids) {
      if (!JobsClient.isJobId(id)) {
        throw new BadRequest(JobsClient.notAJobId(id));
      }
    }
    if (ids.isEmpty() || ids.size() > MOST_JOBS) {
      throw new BadRequest("id: give 1 to " + MOST_JOBS + " job ids");
    }
    BulkOptions options = new BulkOptions();
    options.rate = BulkOptions.DEFAULT_RATE;
    // The preview was the confirmation: the run asks nothing more.
    options.yes = true;
    BulkRun run =
        new BulkRun(
            console.environment(),
            options,
            RetryStep.WORDS,
            ProgressLine.off(),
            null,
            Optional.empty());
    RetryStep step = new RetryStep(console.api(), false);
    BulkRun.Ran ran = run.run(List.copyOf(ids), id -> step.retry(id, true));
    StringBuilder live = new StringBuilder("<dl class=\"summary\">");
    for (Outcome outcome : Outcome.values()) {
      List<Step> steps = ran.steps().stream().filter(s -> s.outcome() == outcome).toList();
      live.append("<dt>")
          .append(label(outcome))
          .append(" ")
          .append(steps.size())
          .append("</dt><dd><ul class=\"ids\">");
      for (Step taken : steps) {
        live.append("<li>")
            .append(Cells.jobLink(taken.id()))
            .append(taken.message() == null ? "" : ": " + Html.text(taken.message()))
            .append("</li>");
      }
      live.append("</ul></dd>");
    }
    if (!ran.notTouched().isEmpty()) {
      live.append("<dt>not touched ").append(ran.notTouched().size()).append("</dt><dd></dd>");
    }
    live.append("</dl><p><a href=\"/failures\">Back to the failures</a></p>");
    return new Layout.Page("Re-drive summary", "failures", "", live.toString(), 0);
  }

  private static String label(Outcome outcome) {
    return switch (outcome) {
      case DONE -> RetryStep.WORDS.done();
      case SKIPPED -> "skipped, changed meanwhile";
      case REFUSED -> "refused";
    };
  }

  private static List<JobPage.Job> failed(Console console, Window window, Instant end) {
    return JobWindow.every(console.api(), "FAILED", end.minus(window.length), end);
  }
}
