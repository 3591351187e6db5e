package dev.jobs.cli.output;

import java.io.PrintWriter;

/**
 * On Ctrl-C while waiting, says that the job goes on and how to resume; the JVM then exits with 130
 * as for any SIGINT.
 */
public final class InterruptNotice {
  private InterruptNotice() {}

  public static Thread install(PrintWriter err, String id) {
    Thread hook =
        new Thread(
            () -> {
              err.println();
              err.println(
                  "jobs: interrupted; job " + id + " goes on. Resume with: jobs wait " + id);
              err.flush();
            });
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      return null;
    }
    return hook;
  }

  public static void remove(Thread hook) {
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
