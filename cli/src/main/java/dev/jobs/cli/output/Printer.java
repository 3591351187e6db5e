package dev.jobs.cli.output;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.options.OutputOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints a command's answer on stdout in the format of the run, chosen once from the flags and the
 * environment: JSON for programs (it wins over {@code -q}), the essential value with {@code -q},
 * else text for people.
 */
public abstract sealed class Printer {
  final PrintWriter out;

  private Printer(PrintWriter out) {
    this.out = out;
  }

  /**
   * The run's printer: {@code --output json} (or {@code JOBS_OUTPUT}), else {@code -q}, else text.
   */
  public static Printer of(OutputOptions options, Environment environment, PrintWriter out) {
    if (options.json(environment)) {
      return new Json(out);
    }
    return options.quiet() ? new Quiet(out) : new Text(out);
  }

  /** The printer of a command that picocli parsed: on its stdout. */
  public static Printer of(OutputOptions options, Environment environment, CommandSpec spec) {
    return of(options, environment, spec.commandLine().getOut());
  }

  public final void print(Answer answer) {
    write(answer);
    out.flush();
  }

  abstract void write(Answer answer);

  /** Whether stdout carries JSON: then notes for people go to stderr or nowhere. */
  public boolean json() {
    return this instanceof Json;
  }

  /** Whether stdout carries only the essential values. */
  public boolean quiet() {
    return this instanceof Quiet;
  }

  /** Prints JSON. */
  static final class Json extends Printer {
    Json(PrintWriter out) {
      super(out);
    }

    @Override
    void write(Answer answer) {
      out.println(answer.json());
    }
  }

  /** Prints the essential value. */
  static final class Quiet extends Printer {
    Quiet(PrintWriter out) {
      super(out);
    }

    @Override
    void write(Answer answer) {
      answer.quiet(out);
    }
  }

  /** Prints text for people. */
  static final class Text extends Printer {
    Text(PrintWriter out) {
      super(out);
    }

    @Override
    void write(Answer answer) {
      answer.text(out);
    }
  }
}
