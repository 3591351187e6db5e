package dev.jobs.cli.app;

import dev.jobs.cli.core.Environment;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code jobs} program's entry point: the jar's main class and the tests' way in. No method
 * here names a picocli type: the launcher reads the main class's methods before {@code main} runs,
 * which would load picocli from the jar on every start, fast paths included.
 */
public final class Jobs {
  private Jobs() {}

  public static void main(String... args) {
    // UTF-8 whatever the locale: the output is JSON (job results, parameters) and text read by
    // tools.
    System.exit(run(utf8(System.out), utf8(System.err), args));
  }

  private static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /** Runs one command line in this process; the tests' entry point. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(Environment.system(), out, err, args);
  }

  public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
    // Before the root command is even initialized (its class names picocli's).
    Integer answered = QuickAnswers.run(out, args);
    if (answered == null) {
      // Before CommandModel is so much as loaded: its static fields load picocli from the jar
      // (picocli's Java 5 class files are outside the AOT cache), which cost a get ~40 ms.
      answered = QuickCommands.run(environment, out, err, args);
    }
    if (answered != null) {
      return answered;
    }
    return CommandModel.run(environment, out, err, args);
  }
}
