package dev.jobs.cli.output;

import java.io.PrintWriter;

/**
 * On Ctrl-C during a wait, says what goes on and how to resume; the JVM then exits with 130 as for
 * any SIGINT.
 */
final class InterruptNotice {
  private InterruptNotice() {}

  static Thread install(PrintWriter err, String goesOn) {
    Thread hook =
        new Thread(
            () -> {
              err.println();
              err.println("jobs: interrupted; " + goesOn);
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
