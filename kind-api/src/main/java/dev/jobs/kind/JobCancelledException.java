package dev.jobs.kind;

/**
 * Thrown by a job that stopped because an operator cancelled it (see {@link
 * JobContext#checkCancelled()}). The attempt ends {@code CANCELLED}: it is not a failure, so it is
 * never retried, never replayed and never reaches the failed-jobs bus. Unchecked, so that a kind
 * can let it pass through code that declares nothing.
 */
public class JobCancelledException extends RuntimeException {
  public JobCancelledException(String message) {
    super(message);
  }
}
