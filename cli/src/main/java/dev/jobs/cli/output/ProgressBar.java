package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.options.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A job's reported progress as one line of text, for the live line of a wait on a terminal: a bar,
 * done/total and the share, the job's message, the time it has run and an estimate of the time left
 * from its rate so far; with no total known, only what is done and the message. Pure text: the
 * {@link ProgressLine} draws it.
 */
public final class ProgressBar {
  /** Cells of the bar: short enough to leave room for a message on an 80-column terminal. */
  static final int WIDTH = 20;

  /** The longest message shown whole; a longer one is cut, so the line stays one line. */
  static final int MESSAGE = 40;

  private ProgressBar() {}

  /**
   * The line: {@code [####................] 12/60 20% slept 12 of 60 s, 12s, ~48s left}; with no
   * total, {@code 12 slept 12 s, 12s}.
   *
   * @param elapsed how long the job has run
   * @param left the estimate of the time left, when there is one
   */
  public static String render(
      JobPage.Progress progress, Duration elapsed, Optional<Duration> left) {
    StringBuilder line = new StringBuilder();
    if (progress.bounded()) {
      int filled =
          (int)
              (WIDTH * Math.max(0, Math.min(progress.done(), progress.total())) / progress.total());
      line.append('[')
          .append("#".repeat(filled))
          .append(".".repeat(WIDTH - filled))
          .append("] ")
          .append(progress.done())
          .append('/')
          .append(progress.total())
          .append(' ')
          .append(progress.percent())
          .append('%');
    } else {
      line.append(progress.done());
    }
    String message = progress.message();
    if (message != null && !message.isBlank()) {
      String flat = message.strip().replaceAll("\\s+", " ");
      line.append(' ')
          .append(flat.length() > MESSAGE ? flat.substring(0, MESSAGE - 3) + "..." : flat);
    }
    line.append(", ").append(Durations.format(elapsed));
    if (progress.bounded()) {
      left.ifPresent(time -> line.append(", ~").append(Durations.format(time)).append(" left"));
    }
    return line.toString();
  }

  /**
   * The time left at the rate so far: the job took {@code at - started} for {@code done} units, so
   * the {@code total - done} left take that much per unit, less the time since it reported. Empty
   * without a total, before the first unit, once done, or without the times to tell; never
   * negative.
   */
  public static Optional<Duration> left(JobPage.Progress progress, Instant started, Instant now) {
    if (!progress.bounded()
        || progress.done() <= 0
        || progress.done() >= progress.total()
        || started == null
        || progress.at() == null
        || !progress.at().isAfter(started)) {
      return Optional.empty();
    }
    double perUnit = (double) Duration.between(started, progress.at()).toMillis() / progress.done();
    long millis =
        (long) (perUnit * (progress.total() - progress.done()))
            - Math.max(0, Duration.between(progress.at(), now).toMillis());
    return Optional.of(Duration.ofMillis(Math.max(0, millis)));
  }
}
