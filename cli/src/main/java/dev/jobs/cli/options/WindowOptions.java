package dev.jobs.cli.options;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * A window of time, {@code --since} and {@code --until}, and its one range check: for {@code jobs
 * list}, {@code jobs stats} and {@code jobs replay}. Each command words the window for what it
 * filters on ({@link Words}).
 */
public final class WindowOptions {
  @Option(
      names = "--since",
      paramLabel = "TIME",
      converter = TimeSpec.Converter.class,
      description =
          "Status time at or after TIME: an ISO-8601 instant or a duration ago (90m, 2h, 3d)."
              + " Default: 24 hours before --until.")
  TimeSpec since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      converter = TimeSpec.Converter.class,
      description = "Status time before TIME, as --since (default: now).")
  TimeSpec until;

  /** A window: from its start, inclusive, to its end, exclusive. */
  public record Window(Instant start, Instant end) {}

  /** Whether {@code --since} or {@code --until} was given. */
  public boolean given() {
    return since != null || until != null;
  }

  /** {@code --since} as an instant, or null when not given. */
  public Instant since(Instant now) {
    return since == null ? null : since.resolve(now);
  }

  /** {@code --until} as an instant, or null when not given. */
  public Instant until(Instant now) {
    return until == null ? null : until.resolve(now);
  }

  /**
   * The window, ending now unless {@code --until} says else and starting {@code length} before its
   * end unless {@code --since} says else; its start must come before its end.
   */
  public Window resolve(Instant now, Duration length) {
    return resolve(since, until, now, length);
  }

  /** {@link #resolve(Instant, Duration)} of options given elsewhere (a quick path's). */
  public static Window resolve(TimeSpec since, TimeSpec until, Instant now, Duration length) {
    Instant end = until == null ? now : until.resolve(now);
    Instant start = since == null ? end.minus(length) : since.resolve(now);
    if (!start.isBefore(end)) {
      throw new JobsException(
          ExitCode.USAGE,
          "--since must be before --until ("
              + start.truncatedTo(ChronoUnit.SECONDS)
              + " >= "
              + end.truncatedTo(ChronoUnit.SECONDS)
              + ")");
    }
    return new Window(start, end);
  }

  /**
   * The window's words in each command that takes it, and in {@code jobs replay} a {@code --since}
   * that must be given: applied to the command's model once it is built.
   */
  public static final class Words implements CommandLine.IModelTransformer {
    private record Wording(String since, String until, boolean sinceRequired) {}

    private static final String FILTER_SINCE =
        "Select by filter: jobs whose status time is at or after TIME, an ISO-8601 instant or a"
            + " duration ago (90m, 2h, 3d). Required with a filter; not with ids.";
    private static final String FILTER_UNTIL =
        "With a filter: status time before TIME, as --since (default: now).";

    private static final Map<String, Wording> BY_COMMAND =
        Map.of(
            "list",
            new Wording(
                null,
                "Status time before TIME, as --since (default: now). 31 days at most.",
                false),
            "replay",
            new Wording(
                "Start of the window: an ISO-8601 instant or a duration ago (90m, 2h, 3d).",
                "End of the window, as --since (default: now).",
                true),
            "redrive",
            new Wording(FILTER_SINCE, FILTER_UNTIL, false),
            "cancel",
            new Wording(FILTER_SINCE, FILTER_UNTIL, false));

    @Override
    public CommandSpec transform(CommandSpec spec) {
      Wording wording = BY_COMMAND.get(spec.name());
      if (wording == null) {
        return spec;
      }
      // Removed and added again in their order, so that help and completion list them as before.
      List<OptionSpec> options = new ArrayList<>(spec.options());
      options.forEach(spec::remove);
      for (OptionSpec option : options) {
        spec.addOption(reworded(option, wording));
      }
      return spec;
    }

    private static OptionSpec reworded(OptionSpec option, Wording wording) {
      if (option.longestName().equals("--since") && wording.since() != null) {
        return option.toBuilder()
            .description(wording.since())
            .required(wording.sinceRequired())
            .build();
      }
      if (option.longestName().equals("--until") && wording.until() != null) {
        return option.toBuilder().description(wording.until()).build();
      }
      return option;
    }
  }
}
