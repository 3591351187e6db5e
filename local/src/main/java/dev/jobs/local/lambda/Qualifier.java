package dev.jobs.local.lambda;

/**
 * How a function is invoked: by an alias (the deployed stack invokes the processing function's
 * {@code live} alias, which points at a published, numbered version) or unqualified ({@code
 * $LATEST}). Lambda writes both into the destination record: the qualified ARN as {@code
 * requestContext.functionArn}, the version as {@code responseContext.executedVersion}.
 *
 * @param name what follows the function's ARN: an alias, or {@code $LATEST}
 * @param version the version that runs: a number behind an alias, {@code $LATEST} otherwise
 */
public record Qualifier(String name, String version) {
  public static final Qualifier LATEST = new Qualifier("$LATEST", "$LATEST");

  /**
   * An alias of a published version. The local runtime publishes one version of each function, so
   * it is always version {@code 1}; on AWS the number grows with each deploy that changes the code
   * or the configuration.
   */
  public static Qualifier alias(String name) {
    return new Qualifier(name, "1");
  }
}
