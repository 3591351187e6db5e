package dev.jobs.cli.deploy;

import java.io.PrintWriter;

/**
 * Where a deployment reports what it does. When stderr is a terminal the current counter is redrawn
 * in place there; otherwise every line is plain and nothing is redrawn, so no file receives frames.
 */
public final class ProgressPrinter {
  private final PrintWriter out;
  private final PrintWriter live;
  private final boolean terminal;
  private boolean counterShown;

  public ProgressPrinter(PrintWriter out, boolean terminal) {
    this(out, out, terminal);
  }

  /** Lines on {@code out}; the redrawn counter on {@code live}, the terminal's stream. */
  public ProgressPrinter(PrintWriter out, PrintWriter live, boolean terminal) {
    this.out = out;
    this.live = live;
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
    live.print("\r\033[2K" + text);
    live.flush();
    counterShown = true;
  }

  public void done() {
    clearCounter();
  }

  private void clearCounter() {
    if (counterShown) {
      live.print("\r\033[2K");
      live.flush();
      counterShown = false;
    }
  }
}
