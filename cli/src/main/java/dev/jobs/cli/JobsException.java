package dev.jobs.cli;

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
}
