package dev.jobs.cli.output;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.Durations;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every wait of the tool, written once: polls until there is an answer, pausing between polls for a
 * time that grows by half up to a longest pause, jittered by up to a fifth so that many waiters do
 * not poll in step, and never past the deadline; shows a live line while it waits and erases it
 * after; ends at the deadline with the wait's own words, and on Ctrl-C with what goes on.
 */
public final class Poller {
  /** How much a pause grows after each poll. */
  public static final double GROWTH = 1.5;

  /** One kind of wait: what one poll finds, and how to say that it is not over. */
  public interface Wait<T> {
    /**
     * One poll.
     *
     * @param waited how long the wait has lasted so far
     * @return the answer, or empty while the wait goes on
     */
    Optional<T> poll(Duration waited) throws InterruptedException;

    /** The live line while the wait goes on; none by default. */
    default String line(Duration waited) {
      return null;
    }

    /** Why the wait ends at its deadline (a poller with a timeout asks for it). */
    default JobsException timedOut() {
      return new JobsException(ExitCode.TIMED_OUT, "timed out");
    }
  }

  /**
   * A wait's end at its deadline, worded as every wait words it: what is still in which state after
   * how long, then what goes on.
   */
  public static JobsException stillAfter(String what, String state, Duration timeout, String then) {
    return new JobsException(
        ExitCode.TIMED_OUT,
        what + " is still " + state + " after " + Durations.format(timeout) + "; " + then);
  }

  /** How long the pauses are: {@code first}, growing up to {@code longest}, maybe jittered. */
  private record Pace(Duration first, Duration longest, boolean jitter) {
    Duration pause(double millis) {
      return Duration.ofMillis(
          jitter
              ? (long) (millis * ThreadLocalRandom.current().nextDouble(0.8, 1.2))
              : (long) millis);
    }

    double next(double millis) {
      return Math.min(millis * GROWTH, longest.toMillis());
    }
  }

  /** Where a wait ends: a timeout from its start, or a deadline; neither, it waits on. */
  private record End(Duration timeout, Instant deadline) {
    static final End NEVER = new End(null, null);

    Instant from(Instant start) {
      return timeout == null ? deadline : start.plus(timeout);
    }
  }

  private final Clock clock;
  private final Environment.Sleeper sleeper;
  private final Pace pace;
  private final End end;
  private final ProgressLine line;

  private Poller(Clock clock, Environment.Sleeper sleeper, Pace pace, End end, ProgressLine line) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.pace = pace;
    this.end = end;
    this.line = line;
  }

  /** Polls at {@code first}, then half as long again each time up to {@code longest}, jittered. */
  public static Poller backingOff(
      Clock clock, Environment.Sleeper sleeper, Duration first, Duration longest) {
    return new Poller(
        clock, sleeper, new Pace(first, longest, true), End.NEVER, ProgressLine.off());
  }

  /** As above, with the command's clock and sleeper. */
  public static Poller backingOff(Environment environment, Duration first, Duration longest) {
    return backingOff(environment.clock(), environment.sleeper(), first, longest);
  }

  /** Polls every {@code interval}, as a service that asks for a steady pace. */
  public static Poller every(Clock clock, Environment.Sleeper sleeper, Duration interval) {
    return new Poller(
        clock, sleeper, new Pace(interval, interval, false), End.NEVER, ProgressLine.off());
  }

  /** The same, ending this long after it starts, with the wait's {@link Wait#timedOut()}. */
  public Poller timeout(Duration timeout) {
    return new Poller(clock, sleeper, pace, new End(timeout, null), line);
  }

  /** The same, ending at this instant, with the wait's {@link Wait#timedOut()}. */
  public Poller until(Instant deadline) {
    return new Poller(clock, sleeper, pace, new End(null, deadline), line);
  }

  /** The same, with the wait's live line on this terminal line. */
  public Poller showing(ProgressLine line) {
    return new Poller(clock, sleeper, pace, end, line);
  }

  /** The clock it reads. */
  public Clock clock() {
    return clock;
  }

  /** Polls until the wait has its answer; throws its timeout, or when interrupted. */
  public <T> T await(Wait<T> wait) throws InterruptedException {
    Instant start = clock.instant();
    Instant deadline = end.from(start);
    double pause = pace.first().toMillis();
    try {
      while (true) {
        Optional<T> answer = wait.poll(Duration.between(start, clock.instant()));
        if (answer.isPresent()) {
          return answer.get();
        }
        Instant now = clock.instant();
        if (deadline != null && !now.isBefore(deadline)) {
          throw wait.timedOut();
        }
        String text = wait.line(Duration.between(start, now));
        if (text != null) {
          line.show(text);
        }
        Duration sleep = pace.pause(pause);
        if (deadline != null && sleep.compareTo(Duration.between(now, deadline)) > 0) {
          sleep = Duration.between(now, deadline);
        }
        sleeper.sleep(sleep);
        pause = pace.next(pause);
      }
    } finally {
      line.clear();
    }
  }

  /**
   * As {@link #await}, for a wait that Ctrl-C may end: exit 130 saying what goes on. With {@code
   * notice}, a Ctrl-C that ends the JVM (SIGINT) says it too, on {@code err}.
   */
  public <T> T awaitOrStop(Wait<T> wait, String goesOn, PrintWriter notice) {
    Thread hook = notice == null ? null : InterruptNotice.install(notice, goesOn);
    try {
      return await(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobsException(ExitCode.INTERRUPTED, "interrupted; " + goesOn);
    } finally {
      InterruptNotice.remove(hook);
    }
  }
}
