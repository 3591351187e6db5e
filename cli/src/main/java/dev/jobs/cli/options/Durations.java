package dev.jobs.cli.options;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: {@code 90s}, {@code 5m}, {@code 2h}, {@code 3d}, or ISO-8601.
 *
 * <p>Only {@link Converter} names picocli: the rest is on {@code jobs get}'s start path, and a
 * class that names picocli's types (picocli's Java 5 class files stay out of the JDK 25 AOT cache)
 * is itself left out of the cache and loads picocli from the jar.
 */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

  private Durations() {}

  /** The duration options' picocli converter: the same parse, picocli's exception. */
  public static final class Converter extends Parsing<Duration> {
    public Converter() {
      super(Durations::parse);
    }
  }

  /** The duration typed; an {@link IllegalArgumentException} saying why for one that is not. */
  public static Duration parse(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    Matcher matcher = SHORT.matcher(text);
    if (matcher.matches()) {
      try {
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
          case "ms" -> Duration.ofMillis(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          case "d" -> Duration.ofDays(amount);
          default -> Duration.ofSeconds(amount);
        };
      } catch (NumberFormatException | ArithmeticException e) {
        // Picocli would name the exception's class; a person needs the value told.
        throw new IllegalArgumentException("'" + value + "' is too long a duration");
      }
    }
    try {
      return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a duration; use e.g. 90s, 5m, 2h, 3d or PT5M");
    }
  }

  /** A duration flag that may be zero but not negative, as ISO-8601 can spell one (PT-5S). */
  public static void notNegative(String flag, Duration value) {
    if (value.isNegative()) {
      throw new JobsException(ExitCode.USAGE, flag + " must be 0 or more, not " + value);
    }
  }

  /** A short human form: {@code 42s}, {@code 3m07s}, {@code 1h02m}. */
  public static String format(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }
}
