package dev.jobs.kind;

/** A job request that no attempt could ever run; the message says why in one line. */
public class InvalidJobException extends RuntimeException {
  public InvalidJobException(String message) {
    super(message);
  }
}
