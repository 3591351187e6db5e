package dev.jobs.cli.core;

/** The one exception a command throws to end with a message and an exit code. */
public class JobsException extends RuntimeException {
  private final int exitCode;

  public JobsException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public JobsException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /**
   * A credentials failure (exit 5) that also names the credentials tried, so the one line says what
   * to fix; any other failure unchanged.
   */
  public JobsException triedWith(String credentials) {
    if (exitCode != ExitCode.CREDENTIALS) {
      return this;
    }
    return new JobsException(exitCode, getMessage() + " (with " + credentials + ")", getCause());
  }
}
