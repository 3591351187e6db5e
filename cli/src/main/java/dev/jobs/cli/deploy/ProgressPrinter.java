package dev.jobs.cli.deploy;

import dev.jobs.cli.output.ProgressLine;
import java.io.PrintWriter;

/**
 * Where a deployment reports what it does. When stderr is a terminal the current counter is redrawn
 * in place there; otherwise every line is plain and nothing is redrawn, so no file receives frames.
 */
public final class ProgressPrinter {
  private final PrintWriter out;
  private final ProgressLine counter;

  public ProgressPrinter(PrintWriter out, boolean terminal) {
    this(out, out, terminal);
  }

  /** Lines on {@code out}; the redrawn counter on {@code live}, the terminal's stream. */
  public ProgressPrinter(PrintWriter out, PrintWriter live, boolean terminal) {
    this.out = out;
    this.counter = new ProgressLine(live, terminal);
  }

  public boolean isTerminal() {
    return counter.enabled();
  }

  public void line(String text) {
    counter.clear();
    out.println(text);
    out.flush();
  }

  /** The live counter, shown on a terminal only: a poller redraws it. */
  ProgressLine counter() {
    return counter;
  }
}
