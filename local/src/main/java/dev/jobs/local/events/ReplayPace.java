package dev.jobs.local.events;

import java.time.Duration;
import java.util.Locale;

/**
 * How fast a replay goes. EventBridge replays a window minute by minute of event time (the events
 * of its first minute, then those of the second, and so on) and puts an event in the archive some
 * time after the bus received it: a replay of a window that ends just now misses its latest events.
 * Locally, by default, a replay delivers its whole window at once and every event is archived with
 * its failure, so tries take milliseconds; {@link #AWS} paces it as EventBridge does.
 *
 * @param interval the wall time each interval of event time waits, from the replay's start: the
 *     events of the window's {@code n}th interval go no earlier than {@code n} intervals after it
 * @param archiveDelay how long after its time an event reaches the archive: one that has not when
 *     its interval is replayed is left out, as a replay on AWS leaves out what is not archived yet
 */
public record ReplayPace(String name, Duration interval, Duration archiveDelay) {
  /** Everything at once, every event already archived. */
  public static final ReplayPace FAST = new ReplayPace("fast", Duration.ZERO, Duration.ZERO);

  /**
   * EventBridge's documented pace: one-minute intervals, and archiving that can take minutes (its
   * advice is to wait 10 before replaying, the delay taken here, so that the CLI's warning about
   * recent failures holds locally too).
   */
  public static final ReplayPace AWS =
      new ReplayPace("aws", Duration.ofMinutes(1), Duration.ofMinutes(10));

  /** The pace by its name, {@code fast} or {@code aws}. */
  public static ReplayPace named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "fast" -> FAST;
      case "aws" -> AWS;
      default -> throw new IllegalArgumentException("replay pace must be fast or aws, not " + name);
    };
  }

  /** When an event of {@code eventTime} is replayed by a replay started at {@code startedAt}. */
  long dueAt(long startedAt, long windowStart, long eventTime) {
    long step = interval.toMillis();
    if (step <= 0) {
      return startedAt;
    }
    return startedAt + Math.max(0, (eventTime - windowStart) / step) * step;
  }

  /** Whether the event was in the archive by the time its interval was replayed. */
  boolean archivedBy(long eventTime, long due) {
    return eventTime + archiveDelay.toMillis() <= due;
  }
}
