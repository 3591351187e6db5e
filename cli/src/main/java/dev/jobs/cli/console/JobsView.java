package dev.jobs.cli.console;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The jobs page ({@code /}): the counts by status of the window on top, then one page of jobs,
 * newest first, filtered as {@code jobs list} filters (status, type, window), with a link to the
 * next page that carries the API's {@code next} token and the window's end.
 */
final class JobsView {
  static final int PAGE_SIZE = 50;
  static final int REFRESH_MILLIS = 3000;

  /** Where the counts are read while the page is: daemon threads, made as requests need them. */
  private static final ExecutorService COUNTING =
      Executors.newCachedThreadPool(new DaemonThreads("console-counts"));

  private JobsView() {}

  /** The counts, or the failure that reading them met, as the page's own call would throw it. */
  private static StatusCounts joined(CompletableFuture<StatusCounts> counting) {
    try {
      return counting.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  static Layout.Page page(Console console, Request request) {
    String status = status(request.parameter("status"));
    String type = blankToNull(request.parameter("type"));
    Window window = Window.of(request.parameter("window"));
    Instant now = console.environment().clock().instant();
    String untilParameter = blankToNull(request.parameter("until"));
    Instant end = Window.end(untilParameter, now);
    Instant start = end.minus(window.length);
    String next = blankToNull(request.parameter("next"));

    // The counts and the page are two calls: made at once, the page waits for the slower only.
    CompletableFuture<StatusCounts> counting =
        CompletableFuture.supplyAsync(
            () -> StatusCounts.of(console.api(), type, start, end), COUNTING);
    JobPage page =
        console.api().list(new JobQuery(status, start, end, PAGE_SIZE, next, type, null, null));
    StatusCounts counts = joined(counting);

    StringBuilder live = new StringBuilder();
    live.append("<ul class=\"counts\" aria-label=\"jobs by status\">");
    for (Map.Entry<String, Integer> count : counts.counts().entrySet()) {
      live.append("<li><a href=\"")
          .append(Layout.href("/", query(count.getKey(), type, window, untilParameter, null)))
          .append("\">")
          .append(Cells.status(count.getKey()))
          .append(" <strong>")
          .append(count.getValue())
          .append(counts.complete() ? "" : "+")
          .append("</strong></a></li>");
    }
    live.append("</ul>\n");
    if (!counts.complete()) {
      live.append("<p class=\"note\">Counted from the first ")
          .append(StatusCounts.MOST_PAGES * JobQuery.MAX_LIMIT)
          .append(" jobs of the window.</p>\n");
    }
    if (page.jobs().isEmpty()) {
      live.append("<p>No ")
          .append(status == null ? "" : Html.text(status) + " ")
          .append("jobs ")
          .append(type == null ? "" : "of type " + Html.text(type) + " ")
          .append("in the ")
          .append(window.label)
          .append(".</p>");
    } else {
      live.append(Cells.table(page.jobs(), now));
    }
    live.append("\n<nav class=\"pager\" aria-label=\"pages\">");
    if (next != null) {
      live.append("<a href=\"")
          .append(Layout.href("/", query(status, type, window, null, null)))
          .append("\">Newest</a> ");
    }
    if (page.next().isPresent()) {
      live.append("<a rel=\"next\" href=\"")
          .append(Layout.href("/", query(status, type, window, end.toString(), page.next().get())))
          .append("\">Older</a>");
    }
    live.append("</nav>");

    String fixed =
        "<form method=\"get\" action=\"/\" class=\"filters\">"
            + "<label>Status <select name=\"status\">"
            + statusOptions(status)
            + "</select></label> "
            + "<label>Type <input name=\"type\" size=\"12\" value=\""
            + Html.text(type)
            + "\"></label> "
            + "<label>Window <select name=\"window\">"
            + window.options()
            + "</select></label> "
            + "<button type=\"submit\">Show</button></form>";
    // Only the newest page follows the jobs live: an older page is a fixed slice of the past.
    int refresh = next == null && untilParameter == null ? REFRESH_MILLIS : 0;
    return new Layout.Page("Jobs", "jobs", fixed, live.toString(), refresh);
  }

  private static Map<String, String> query(
      String status, String type, Window window, String until, String next) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("status", status);
    query.put("type", type);
    query.put("window", window == Window.DEFAULT ? null : window.parameter);
    query.put("until", until);
    query.put("next", next);
    return query;
  }

  private static String statusOptions(String selected) {
    StringBuilder html = new StringBuilder("<option value=\"\">every status</option>");
    for (String status : StatusCounts.STATUSES) {
      html.append("<option")
          .append(status.equals(selected) ? " selected" : "")
          .append('>')
          .append(status)
          .append("</option>");
    }
    return html.toString();
  }

  /** A status the API filters on, or null for every status. */
  static String status(String parameter) {
    if (parameter == null || parameter.isEmpty()) {
      return null;
    }
    String status = parameter.toUpperCase(Locale.ROOT);
    if (!StatusCounts.STATUSES.contains(status)) {
      throw new BadRequest(
          "status: '" + parameter + "' is none of " + String.join(", ", StatusCounts.STATUSES));
    }
    return status;
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
