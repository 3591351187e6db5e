package dev.jobs.backend.job;

/**
 * What the API answers a request: a status code and its JSON body. The AWS functions and the local
 * runtime both answer through the classes that make these, so they answer alike.
 */
public record ApiAnswer(int statusCode, String body) {
  /** {@code value} as the JSON body. */
  public static ApiAnswer json(int statusCode, Object value) {
    return new ApiAnswer(statusCode, JobJson.MAPPER.writeValueAsString(value));
  }

  /** The body {@code {"message": ...}} of an answer that refuses or explains. */
  public static ApiAnswer message(int statusCode, String message) {
    return json(statusCode, JobJson.MAPPER.createObjectNode().put("message", message));
  }
}
