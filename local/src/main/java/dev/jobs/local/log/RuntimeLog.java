package dev.jobs.local.log;

import java.io.PrintStream;
import java.time.Instant;

/**
 * The runtime's log: standard error, which a detached runtime writes to {@code
 * <data-dir>/runtime.log}. What a client is told of an unexpected failure is one line, as AWS
 * answers; the stack trace is here.
 */
public final class RuntimeLog {
  private RuntimeLog() {}

  /** Logs a failure the runtime did not expect, with its stack trace. */
  public static void error(String what, Throwable failure) {
    // Read at each call, so that a test may capture it.
    PrintStream err = System.err;
    synchronized (err) {
      err.println(Instant.now() + " ERROR " + what);
      failure.printStackTrace(err);
      err.flush();
    }
  }
}
