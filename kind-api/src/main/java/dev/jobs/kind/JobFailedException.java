package dev.jobs.kind;

/** A job attempt that failed; Lambda reports its message as the error message. */
public class JobFailedException extends RuntimeException {
  public JobFailedException(String message) {
    super(message);
  }

  public JobFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
