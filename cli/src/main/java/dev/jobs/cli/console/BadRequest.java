package dev.jobs.cli.console;

/** A request a page cannot answer (a bad parameter): a {@code 400} page with this one line. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRequest(String message) {
    super(message);
  }
}
