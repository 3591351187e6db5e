package dev.jobs.cli.console;

import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.output.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The health page ({@code /health}): jobs per minute by status and the run time's p50 and p95 over
 * the chosen window, as two charts, from one {@code GET /jobs/stats} with a {@code step} (the API's
 * counters, a series of {@link #POINTS} points: never the window's jobs); then the target's alarms.
 * The charts' numbers travel in a {@code data-series} attribute, escaped like any value, and the
 * console's script draws them with uPlot (served from the jar, as the CSP wants).
 */
final class HealthView {
  /** Points per chart: a minute each over the last hour, 24 minutes each over a day. */
  static final int POINTS = 60;

  /** The counters move as jobs do: a reload every 15 seconds is live enough for a chart. */
  static final int REFRESH_MILLIS = 15_000;

  /** The statuses charted, each a line. */
  static final List<String> STATUSES = StatusCounts.STATUSES;

  private HealthView() {}

  static Layout.Page page(Console console, Request request) {
    Window window = Window.of(request.parameter("window"));
    Instant now = console.environment().clock().instant();
    long step = Math.max(1, window.length.toMinutes() / POINTS);
    // Whole steps, the last one holding now: the points line up from one reload to the next.
    Instant until = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Instant since = until.minus(Duration.ofMinutes(step * POINTS));
    Optional<String> answer = console.api().stats(since, until, null, step);

    StringBuilder live = new StringBuilder();
    if (answer.isEmpty()) {
      live.append(
          "<p class=\"error\">This target has no <code>GET /jobs/stats</code> (deployed before"
              + " it): <code>jobs deploy</code> brings it, and these charts.</p>");
    } else {
      JsonNode stats = Json.parse(answer.get());
      live.append(summary(stats, window));
      live.append("<figure class=\"chart\"><figcaption>Jobs per minute by status, the ")
          .append(window.label)
          .append(step == 1 ? "" : ", " + step + " minutes a point")
          .append("</figcaption><div class=\"plot\" id=\"jobs-chart\" data-kind=\"jobs\"")
          .append(" data-series=\"")
          .append(Html.text(jobsSeries(stats, step)))
          .append("\"></div></figure>\n");
      live.append("<figure class=\"chart\"><figcaption>Run time of the jobs that finished, p50")
          .append(" and p95, in milliseconds</figcaption>")
          .append("<div class=\"plot\" id=\"runtime-chart\" data-kind=\"runtime\"")
          .append(" data-series=\"")
          .append(Html.text(runTimeSeries(stats)))
          .append("\"></div></figure>\n");
    }
    live.append(alarms(console));
    String fixed =
        "<form method=\"get\" action=\"/health\" class=\"filters\">"
            + "<label>Window <select name=\"window\">"
            + window.options()
            + "</select></label> <button type=\"submit\">Show</button></form>";
    return new Layout.Page("Health", "health", fixed, live.toString(), REFRESH_MILLIS);
  }

  private static String summary(JsonNode stats, Window window) {
    StringBuilder html = new StringBuilder("<p class=\"summary\">");
    html.append(number(stats, "total")).append(" jobs in the ").append(window.label);
    JsonNode runTime = stats.field("runTime").orElse(null);
    String p50 = runTime == null ? null : Json.text(runTime, "p50Millis");
    if (p50 != null) {
      html.append("; run time p50 ")
          .append(Html.text(p50))
          .append(" ms, p95 ")
          .append(Html.text(Json.text(runTime, "p95Millis")))
          .append(" ms over ")
          .append(number(runTime, "jobs"))
          .append(" finished");
    }
    return html.append(".</p>\n").toString();
  }

  /**
   * The jobs chart's data, as uPlot takes it: {@code {"t":[epoch seconds…],"QUEUED":[per minute…],
   * …}}.
   */
  static String jobsSeries(JsonNode stats, long step) {
    List<JsonNode> points = series(stats);
    StringBuilder json = new StringBuilder("{\"t\":").append(times(points));
    for (String status : STATUSES) {
      json.append(",\"").append(status).append("\":[");
      for (int i = 0; i < points.size(); i++) {
        JsonNode counts = points.get(i).field("counts").orElse(null);
        long count = counts == null ? 0 : number(counts, status);
        json.append(i == 0 ? "" : ",").append(rate(count, step));
      }
      json.append(']');
    }
    return json.append('}').toString();
  }

  /** The run-time chart's data: {@code p50} and {@code p95} per point, null where none finished. */
  static String runTimeSeries(JsonNode stats) {
    List<JsonNode> points = series(stats);
    StringBuilder json = new StringBuilder("{\"t\":").append(times(points));
    for (String percentile : List.of("p50", "p95")) {
      json.append(",\"").append(percentile).append("\":[");
      for (int i = 0; i < points.size(); i++) {
        JsonNode runTime = points.get(i).field("runTime").orElse(null);
        String millis = runTime == null ? null : Json.text(runTime, percentile + "Millis");
        json.append(i == 0 ? "" : ",").append(millis == null ? "null" : Long.parseLong(millis));
      }
      json.append(']');
    }
    return json.append('}').toString();
  }

  private static List<JsonNode> series(JsonNode stats) {
    return stats.field("series").filter(JsonNode::isArray).map(JsonNode::asArray).orElse(List.of());
  }

  private static String times(List<JsonNode> points) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < points.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append(Instant.parse(Json.text(points.get(i), "since")).getEpochSecond());
    }
    return json.append(']').toString();
  }

  /** Jobs per minute, to two decimals: a point of 24 minutes holding 5 jobs is 0.21. */
  private static String rate(long count, long step) {
    return step == 1
        ? Long.toString(count)
        : String.format(Locale.ROOT, "%.2f", count / (double) step);
  }

  private static long number(JsonNode node, String field) {
    String text = Json.text(node, field);
    return text == null ? 0 : Long.parseLong(text);
  }

  private static String alarms(Console console) {
    StringBuilder html = new StringBuilder("<h2>Alarms</h2>\n");
    Optional<List<Console.Alarm>> alarms;
    try {
      alarms = console.alarms().read();
    } catch (JobsException e) {
      return html.append("<p class=\"error\">")
          .append(Html.text(e.getMessage()))
          .append("</p>")
          .toString();
    }
    if (alarms.isEmpty()) {
      return html.append(
              "<p>This target keeps no alarms: the local runtime has no CloudWatch. The charts"
                  + " above are its health.</p>")
          .toString();
    }
    if (alarms.get().isEmpty()) {
      return html.append("<p>The stack has no alarms.</p>").toString();
    }
    html.append("<table class=\"alarms\"><thead><tr><th scope=\"col\">State</th>")
        .append("<th scope=\"col\">Alarm</th><th scope=\"col\">Since</th>")
        .append("<th scope=\"col\">Reason</th></tr></thead><tbody>");
    for (Console.Alarm alarm : alarms.get()) {
      html.append("<tr><td><span class=\"state state-")
          .append(Html.text(alarm.state().toLowerCase(Locale.ROOT)))
          .append("\">")
          .append(Html.text(alarm.state()))
          .append("</span></td><td>")
          .append(Html.text(alarm.name()))
          .append("</td><td>")
          .append(
              alarm.since() == null ? "" : Html.text(Timestamps.toSecond(alarm.since().toString())))
          .append("</td><td>")
          .append(Html.text(alarm.reason()))
          .append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }
}
