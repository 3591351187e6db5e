package dev.jobs.backend.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when a test moves it: from a fixed start, or, for a runtime that must
 * read the real time too, from the system clock's ({@link #aheadOfTheSystemClock}).
 */
public final class ManualClock extends Clock {
  private final Clock base;
  private volatile Duration moved = Duration.ZERO;

  public ManualClock(Instant start) {
    this(Clock.fixed(start, ZoneOffset.UTC));
  }

  private ManualClock(Clock base) {
    this.base = base;
  }

  /** The system clock, moved forward by however much a test says. */
  public static ManualClock aheadOfTheSystemClock() {
    return new ManualClock(Clock.systemUTC());
  }

  public void advance(Duration duration) {
    moved = moved.plus(duration);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(moved);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
