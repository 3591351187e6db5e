package dev.jobs.cli.output;

import java.io.PrintWriter;

/** The live status line on a terminal: rewritten in place, erased at the end. */
public final class ProgressLine {
  private final PrintWriter err;
  private final boolean enabled;
  private boolean shown;

  public ProgressLine(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  void show(String text) {
    if (enabled) {
      err.print("\r\u001b[K" + text);
      err.flush();
      shown = true;
    }
  }

  void clear() {
    if (shown) {
      err.print("\r\u001b[K");
      err.flush();
      shown = false;
    }
  }
}
