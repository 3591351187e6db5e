package dev.jobs.cli.console;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The windows the pages offer, as a select: the jobs whose status time falls in the last hour, six
 * hours, day, week or 31 days (the list API's longest window). A page's links carry the window's
 * end as an instant ({@code until}), so that every page of one listing has the same window.
 */
enum Window {
  HOUR("1h", Duration.ofHours(1), "last hour"),
  SIX_HOURS("6h", Duration.ofHours(6), "last 6 hours"),
  DAY("24h", Duration.ofHours(24), "last 24 hours"),
  WEEK("7d", Duration.ofDays(7), "last 7 days"),
  MONTH("31d", Duration.ofDays(31), "last 31 days");

  static final Window DEFAULT = DAY;

  final String parameter;
  final Duration length;
  final String label;

  Window(String parameter, Duration length, String label) {
    this.parameter = parameter;
    this.length = length;
    this.label = label;
  }

  /** The window a {@code window} parameter names; the default when absent. */
  static Window of(String parameter) {
    if (parameter == null || parameter.isEmpty()) {
      return DEFAULT;
    }
    for (Window window : values()) {
      if (window.parameter.equals(parameter)) {
        return window;
      }
    }
    throw new BadRequest("window: '" + parameter + "' is none of 1h, 6h, 24h, 7d, 31d");
  }

  /** The end an {@code until} parameter names, else now. */
  static Instant end(String until, Instant now) {
    if (until == null || until.isEmpty()) {
      return now;
    }
    try {
      return Instant.parse(until);
    } catch (DateTimeParseException e) {
      throw new BadRequest("until: '" + until + "' is not an ISO-8601 instant");
    }
  }

  /** The select's options, this one selected. */
  String options() {
    StringBuilder html = new StringBuilder();
    for (Window window : values()) {
      html.append("<option value=\"")
          .append(window.parameter)
          .append('"')
          .append(window == this ? " selected" : "")
          .append('>')
          .append(window.label)
          .append("</option>");
    }
    return html.toString();
  }
}
