package dev.jobs.cli;

import java.io.PrintWriter;

/**
 * The {@code jobs} program's entry point: the jar's main class, and the tests' way in. The command
 * itself is {@link CommandModel}; nothing imports this class.
 */
public final class Jobs {
  private Jobs() {}

  public static void main(String... args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs one command line in this process; the tests' entry point. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(Environment.system(), out, err, args);
  }

  public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
    return CommandModel.run(environment, out, err, args);
  }
}
