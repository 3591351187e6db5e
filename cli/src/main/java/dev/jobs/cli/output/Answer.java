package dev.jobs.cli.output;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a command answers, in each of the three formats; the {@link Printer} of the run picks one.
 */
public interface Answer {
  /** The answer for programs: one JSON document (a node, or text that is JSON already). */
  Object json();

  /** With {@code -q}: only the essential value, such as an id or a status; maybe nothing. */
  void quiet(PrintWriter out);

  /** For people. */
  void text(PrintWriter out);

  static Answer of(Supplier<?> json, Consumer<PrintWriter> quiet, Consumer<PrintWriter> text) {
    return new Answer() {
      @Override
      public Object json() {
        return json.get();
      }

      @Override
      public void quiet(PrintWriter out) {
        quiet.accept(out);
      }

      @Override
      public void text(PrintWriter out) {
        text.accept(out);
      }
    };
  }

  /** An answer whose quiet form is one line, such as a name or an id. */
  static Answer of(Supplier<?> json, String quiet, Consumer<PrintWriter> text) {
    return of(json, out -> out.println(quiet), text);
  }
}
