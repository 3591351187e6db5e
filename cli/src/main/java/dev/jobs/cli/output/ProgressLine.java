package dev.jobs.cli.output;

import java.io.PrintWriter;

/**
 * The live status line on a terminal: rewritten in place, erased at the end. Off, it writes
 * nothing, so that no file or pipe receives frames.
 */
public final class ProgressLine {
  private static final String ERASE = "\r\u001b[K";

  private final PrintWriter err;
  private final boolean enabled;
  private boolean shown;

  public ProgressLine(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** A line that never shows: for waits with nobody to tell. */
  public static ProgressLine off() {
    return new ProgressLine(null, false);
  }

  public boolean enabled() {
    return enabled;
  }

  public void show(String text) {
    if (enabled) {
      err.print(ERASE + text);
      err.flush();
      shown = true;
    }
  }

  public void clear() {
    if (shown) {
      err.print(ERASE);
      err.flush();
      shown = false;
    }
  }
}
