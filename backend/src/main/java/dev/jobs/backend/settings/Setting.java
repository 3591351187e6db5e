package dev.jobs.backend.settings;

/**
 * One tunable of the deployed stack that the local runtime mirrors: the CloudFormation parameter
 * that sets it on AWS, its default, and the range AWS accepts. The stack's parameters, the local
 * runtime's flags and their help text all read it here, so they cannot drift apart.
 *
 * @param parameter the stack parameter's logical id
 * @param defaultValue the value of a first deploy, and of a local runtime started without the flag
 * @param min the smallest value AWS accepts
 * @param max the largest value AWS accepts, {@link #UNBOUNDED} for no limit
 */
public record Setting(String parameter, int defaultValue, int min, int max) {
  /** The {@code max} of a setting AWS sets no upper limit for. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  public Setting {
    if (min > max || defaultValue < min || defaultValue > max) {
      throw new IllegalArgumentException(
          parameter + ": default " + defaultValue + " is outside " + min + " to " + max);
    }
  }

  public boolean bounded() {
    return max != UNBOUNDED;
  }

  public boolean allows(long value) {
    return value >= min && value <= max;
  }

  /** The range as help text and errors say it: {@code 1 to 900}, or {@code at least 1}. */
  public String range() {
    return bounded() ? min + " to " + max : "at least " + min;
  }
}
