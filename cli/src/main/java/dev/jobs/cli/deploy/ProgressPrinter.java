package dev.jobs.cli.deploy;

import java.io.PrintWriter;

/**
 * Where a deployment reports what it does. On a terminal the current counter is redrawn in place;
 * when piped every line is plain and nothing is redrawn.
 */
public final class ProgressPrinter {
  private final PrintWriter out;
  private final boolean terminal;
  private boolean counterShown;

  public ProgressPrinter(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  public boolean isTerminal() {
    return terminal;
  }

  public void line(String text) {
    clearCounter();
    out.println(text);
    out.flush();
  }

  /** A live counter, shown on a terminal only. */
  public void counter(String text) {
    if (!terminal) {
      return;
    }
    out.print("\r\033[2K" + text);
    out.flush();
    counterShown = true;
  }

  public void done() {
    clearCounter();
  }

  private void clearCounter() {
    if (counterShown) {
      out.print("\r\033[2K");
      counterShown = false;
    }
  }
}
