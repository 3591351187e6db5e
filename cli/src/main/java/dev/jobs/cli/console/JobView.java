package dev.jobs.cli.console;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.logs.LogEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * A job's page ({@code /jobs/{id}}): its record, parameters, result or error, progress, attempts
 * and log lines, refreshed live until the job ends; Cancel while it has not ended, Re-drive once it
 * FAILED or was CANCELLED, each a POST with the CSRF token and a confirmation, answered with a
 * redirect back here that names the outcome.
 */
final class JobView {
  static final int REFRESH_MILLIS = 2000;

  /** The record's times and numbers, in the order a reader follows a job's life. */
  private static final List<String> FIELDS =
      List.of(
          "queuedAt",
          "startedAt",
          "heartbeatAt",
          "cancelRequestedAt",
          "finishedAt",
          "timeoutSeconds");

  /** What a POST did, by the fixed key its redirect carries: no text of the request is echoed. */
  static final Map<String, String> OUTCOMES =
      Map.of(
          "cancel-requested", "Cancel requested: the job stops at its next progress write.",
          "cancelled", "Cancelled.",
          "cancel-refused", "Not cancelled: the job had already ended.",
          "redriven", "Re-driven: the job is queued for a new attempt.",
          "redrive-refused", "Not re-driven: only a FAILED or CANCELLED job is re-driven.");

  private JobView() {}

  /** The page, or null when there is no such job. */
  static Layout.Page page(Console console, Request request, String id, String csrf) {
    JobsClient.Response response = console.api().get(id);
    if (!response.found()) {
      return null;
    }
    JobPage.Job job = JobPage.Job.parse(response.body());
    Instant now = console.environment().clock().instant();

    StringBuilder fixed = new StringBuilder();
    String outcome = request.parameter("outcome");
    if (outcome != null && OUTCOMES.containsKey(outcome)) {
      fixed
          .append("<p class=\"outcome\" role=\"status\">")
          .append(OUTCOMES.get(outcome))
          .append("</p>");
    }
    // The buttons change with the status, so they are part of the live part.
    StringBuilder live = new StringBuilder();
    live.append("<div class=\"actions\">");
    if (!job.finished()) {
      live.append(
          action(
              id,
              "cancel",
              "Cancel",
              "Cancel job " + id + "? It stops at its next progress write.",
              csrf));
    }
    if ("FAILED".equals(job.status()) || "CANCELLED".equals(job.status())) {
      live.append(
          action(
              id,
              "redrive",
              "Re-drive",
              "Re-drive job " + id + "? It runs again with its stored parameters.",
              csrf));
    }
    live.append("</div>\n");
    live.append("<dl class=\"record\"><dt>status</dt><dd>")
        .append(Cells.status(job.status()))
        .append(job.stalled(now) ? " <span class=\"stalled\">stalled</span>" : "")
        .append("</dd><dt>type</dt><dd>")
        .append(Html.text(job.type()))
        .append("</dd><dt>attempts</dt><dd>")
        .append(job.attempts())
        .append("</dd>");
    for (String field : FIELDS) {
      String value = job.text(field);
      if (value != null) {
        live.append("<dt>")
            .append(field)
            .append("</dt><dd>")
            .append(field.endsWith("At") ? Cells.time(value) : Html.text(value))
            .append("</dd>");
      }
    }
    live.append("</dl>\n");
    job.progress()
        .ifPresent(
            p ->
                live.append("<h2>Progress</h2><p class=\"progress\">")
                    .append(Cells.progress(job))
                    .append("</p>\n"));
    live.append(json("Parameters", job.fields().get("parameters")));
    live.append(json("Result", job.fields().get("result")));
    live.append(json("Error", job.fields().get("error")));
    live.append("<h2>Log</h2>\n").append(log(console, job));
    return new Layout.Page(
        "Job " + id,
        "jobs",
        fixed.toString(),
        live.toString(),
        job.finished() ? 0 : REFRESH_MILLIS);
  }

  private static String action(String id, String verb, String label, String confirm, String csrf) {
    return "<form method=\"post\" action=\""
        + Layout.href("/jobs/" + id + "/" + verb, Map.of())
        + "\" data-confirm=\""
        + Html.text(confirm)
        + "\">"
        + Layout.csrfField(csrf)
        + "<button type=\"submit\">"
        + label
        + "</button></form>";
  }

  private static String json(String title, JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    String text = node.isString() ? node.asString() : pretty(node);
    return "<h2>" + title + "</h2><pre class=\"json\">" + Html.text(text) + "</pre>\n";
  }

  private static String pretty(JsonNode node) {
    String compact = Json.write(node);
    try {
      return Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(Json.mapper().readTree(compact));
    } catch (RuntimeException e) {
      return compact;
    }
  }

  private static String log(Console console, JobPage.Job job) {
    List<LogEvent> events;
    try {
      events = console.logs().of(job);
    } catch (JobsException e) {
      return "<p class=\"note\">" + Html.text(e.getMessage()) + "</p>";
    }
    if (events.isEmpty()) {
      return "<p>No log lines.</p>";
    }
    StringBuilder html =
        new StringBuilder(
            "<div class=\"scroll\"><table class=\"log\"><thead><tr><th scope=\"col\">time</th>"
                + "<th scope=\"col\">attempt</th><th scope=\"col\">level</th>"
                + "<th scope=\"col\">message</th></tr></thead><tbody>");
    for (LogEvent event : events) {
      html.append("<tr><td>")
          .append(Cells.time(event.time().toString()))
          .append("</td><td class=\"number\">")
          .append(event.attempt() == null ? "-" : event.attempt())
          .append("</td><td>")
          .append(Html.text(event.level()))
          .append("</td><td class=\"message\">")
          .append(Html.text(event.message()))
          .append("</td></tr>");
    }
    return html.append("</tbody></table></div>").toString();
  }

  /** The cancel's answer, as the redirect's outcome key. */
  static String cancel(Console console, String id) {
    JobsClient.Response response = console.api().cancel(id);
    if (response.conflict()) {
      return "cancel-refused";
    }
    JobPage.Job job = JobPage.Job.parse(response.body());
    return "CANCELLED".equals(job.status()) ? "cancelled" : "cancel-requested";
  }

  /** The re-drive's answer (FAILED or CANCELLED alike), as the redirect's outcome key. */
  static String redrive(Console console, String id) {
    JobsClient.Response response = console.api().retry(id, true);
    return response.found() && !response.conflict() ? "redriven" : "redrive-refused";
  }
}
