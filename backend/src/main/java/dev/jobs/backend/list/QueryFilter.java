package dev.jobs.backend.list;

import java.util.Map;
import java.util.Optional;

/**
 * A filter given as a query parameter ({@code type}, {@code errorType}, {@code condition}) of
 * {@code GET /jobs} and {@code GET /jobs/stats}: an exact value of 1 to {@link #MAX_LENGTH}
 * characters, none of them a control character.
 */
public final class QueryFilter {
  /** A filter's longest value: error types are class names, which seldom pass 200 characters. */
  static final int MAX_LENGTH = 256;

  private QueryFilter() {}

  /**
   * The parameter's value, empty when it is absent.
   *
   * @throws BadParameterException naming {@code name} when the value is no such filter
   */
  public static Optional<String> read(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isEmpty()
        || value.length() > MAX_LENGTH
        || value.chars().anyMatch(Character::isISOControl)) {
      throw new BadParameterException(
          name, "must be 1 to " + MAX_LENGTH + " characters, none of them a control one");
    }
    return Optional.of(value);
  }
}
