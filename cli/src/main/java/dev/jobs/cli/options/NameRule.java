package dev.jobs.cli.options;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.util.regex.Pattern;

/**
 * What a name the user types must look like (a target, a replay, a job kind), and the usage error
 * that quotes a name breaking it, so that every such error reads alike.
 *
 * @param pattern the whole name must match it
 * @param kind what a matching name is, with the rule in words: {@code a replay name (letters,
 *     digits, '.', '-', '_'; 64 at most)}
 */
public record NameRule(Pattern pattern, String kind) {
  public static NameRule of(String regex, String kind) {
    return new NameRule(Pattern.compile(regex), kind);
  }

  public boolean matches(String name) {
    return pattern.matcher(name).matches();
  }

  /**
   * The name, when it keeps the rule; else a usage error: {@code <given as> '<name>' is not
   * <kind>}.
   *
   * @param givenAs how the user gave it ({@code --name}), or empty
   */
  public String check(String givenAs, String name) {
    if (!matches(name)) {
      throw new JobsException(
          ExitCode.USAGE,
          (givenAs.isEmpty() ? "" : givenAs + " ") + "'" + name + "' is not " + kind);
    }
    return name;
  }
}
