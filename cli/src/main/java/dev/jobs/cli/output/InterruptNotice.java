package dev.jobs.cli.output;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * On Ctrl-C during a wait, says what goes on and how to resume; the JVM then exits with 130 as for
 * any SIGINT.
 */
final class InterruptNotice {
  private InterruptNotice() {}

  static Thread install(PrintWriter err, String goesOn) {
    return install(err, () -> goesOn);
  }

  /**
   * Installs the notice, {@code goesOn} read when Ctrl-C comes: after whatever must finish first.
   *
   * @return the hook, for {@link #remove}; null when the JVM is shutting down already
   */
  static Thread install(PrintWriter err, Supplier<String> goesOn) {
    Thread hook =
        new Thread(
            () -> {
              String said = goesOn.get();
              err.println();
              err.println("jobs: interrupted; " + said);
              err.flush();
            });
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      return null;
    }
    return hook;
  }

  static void remove(Thread hook) {
    if (hook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down already: the notice is being printed.
    }
  }
}
