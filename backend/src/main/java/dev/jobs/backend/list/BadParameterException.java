package dev.jobs.backend.list;

/** A query parameter of {@code GET /jobs} that cannot be used; the API answers 400 with it. */
public class BadParameterException extends RuntimeException {
  private final String parameter;

  public BadParameterException(String parameter, String problem) {
    super(parameter + ": " + problem);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
