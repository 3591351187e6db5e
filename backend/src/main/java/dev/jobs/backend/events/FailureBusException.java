package dev.jobs.backend.events;

/** The failed-jobs bus did not take an event. */
public class FailureBusException extends RuntimeException {
  public FailureBusException(String message, Throwable cause) {
    super(message, cause);
  }
}
