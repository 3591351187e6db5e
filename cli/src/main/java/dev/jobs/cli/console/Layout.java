package dev.jobs.cli.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The frame of every page: the navigation, the title, the part that stays (filters, buttons) and
 * the live part, which the console's script reloads every {@code refresh} milliseconds as a
 * fragment ({@link #FRAGMENT_HEADER}) while the page asks for it.
 */
final class Layout {
  /** The header the script sends to get the live part alone. */
  static final String FRAGMENT_HEADER = "X-Console-Fragment";

  /**
   * The fragment's answer: how long until the next reload, 0 when the part has stopped changing.
   */
  static final String REFRESH_HEADER = "X-Console-Refresh";

  private Layout() {}

  /**
   * A page's parts.
   *
   * @param section the navigation entry it belongs to: {@code jobs}, {@code failures}, {@code
   *     health}
   * @param fixed HTML above the live part, escaped by its maker
   * @param live HTML of the live part, escaped by its maker
   * @param refreshMillis how often the live part reloads; 0 for never
   */
  record Page(String title, String section, String fixed, String live, int refreshMillis) {}

  static String render(Page page, String target) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.text(page.title()))
        .append(" · jobs console</title>\n")
        .append("<link rel=\"stylesheet\" href=\"/static/console.css\">\n");
    // The chart library only where there are charts; deferred scripts run in order.
    if (page.section().equals("health")) {
      html.append("<link rel=\"stylesheet\" href=\"/static/uPlot.min.css\">\n")
          .append("<script src=\"/static/uPlot.iife.min.js\" defer></script>\n");
    }
    html.append("<script src=\"/static/console.js\" defer></script>\n</head>\n<body>\n")
        .append("<header><nav aria-label=\"console\"><span class=\"brand\">jobs console</span>")
        .append(" <span class=\"target\">target ")
        .append(Html.text(target))
        .append("</span><ul>");
    for (Map.Entry<String, String> entry :
        List.of(
            Map.entry("jobs", "/"),
            Map.entry("failures", "/failures"),
            Map.entry("health", "/health"))) {
      html.append("<li><a href=\"").append(entry.getValue()).append('"');
      if (entry.getKey().equals(page.section())) {
        html.append(" aria-current=\"page\"");
      }
      html.append('>').append(capitalized(entry.getKey())).append("</a></li>");
    }
    html.append("</ul></nav></header>\n<main>\n<h1>")
        .append(Html.text(page.title()))
        .append("</h1>\n")
        .append(page.fixed())
        .append("\n<section id=\"live\" aria-live=\"polite\"");
    if (page.refreshMillis() > 0) {
      html.append(" data-refresh=\"").append(page.refreshMillis()).append('"');
    }
    html.append(">\n").append(page.live()).append("\n</section>\n</main>\n</body>\n</html>\n");
    return html.toString();
  }

  /** A path with its query, each value encoded, as an attribute's escaped text. */
  static String href(String path, Map<String, String> parameters) {
    StringBuilder href = new StringBuilder(path);
    String separator = "?";
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (parameter.getValue() == null || parameter.getValue().isEmpty()) {
        continue;
      }
      href.append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = "&";
    }
    return Html.text(href);
  }

  /** The hidden CSRF field every POST form of the console carries. */
  static String csrfField(String csrf) {
    return "<input type=\"hidden\" name=\""
        + ConsoleGuard.CSRF_FIELD
        + "\" value=\""
        + Html.text(csrf)
        + "\">";
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
