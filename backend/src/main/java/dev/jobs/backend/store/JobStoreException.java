package dev.jobs.backend.store;

/** The store could not be read or written (not a refused transition, which is not an error). */
public class JobStoreException extends RuntimeException {
  public JobStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
