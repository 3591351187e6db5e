package dev.jobs.cli.console;

/**
 * The health page ({@code /health}): marked as coming. Its charts (jobs per minute by status, run
 * time p50/p95) are drawn from the stats aggregates of issue 27, which no target has yet; counting
 * them here from every page of the list would not hold at the scale the page is for.
 */
final class HealthView {
  private HealthView() {}

  static Layout.Page page() {
    String live =
        "<p class=\"note\"><strong>Coming with the stats aggregates.</strong> This page will chart"
            + " jobs per minute by status and the run time's p50 and p95 over a window, and list"
            + " the target's alarms, once the target keeps stats aggregates. Until then:"
            + " <code>jobs stats</code> and <code>jobs alarms</code> in the terminal, and the"
            + " <a href=\"/\">jobs</a> page's counts.</p>";
    return new Layout.Page("Health", "health", "", live, 0);
  }
}
