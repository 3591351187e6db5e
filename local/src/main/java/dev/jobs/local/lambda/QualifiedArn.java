package dev.jobs.local.lambda;

/**
 * A function's ARN as its callers invoke it: the function's own ARN with their {@link Qualifier}
 * added, {@code :live} for an alias, {@code :$LATEST} when they invoke it unqualified.
 */
public record QualifiedArn(String functionArn, Qualifier qualifier) {
  /** The function invoked unqualified. */
  public static QualifiedArn latest(String functionArn) {
    return new QualifiedArn(functionArn, Qualifier.LATEST);
  }

  /** The ARN as Lambda writes it into a destination record's {@code requestContext}. */
  public String value() {
    return functionArn + ":" + qualifier.name();
  }
}
