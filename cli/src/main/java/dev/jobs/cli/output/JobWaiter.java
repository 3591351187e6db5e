package dev.jobs.cli.output;

import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Polls a job until it is {@code SUCCEEDED} or {@code FAILED}: exponential backoff with jitter,
 * capped; {@code 404} counts as "queued" for a grace period, because a job's record is written when
 * its first attempt starts.
 */
public final class JobWaiter {
  static final double GROWTH = 1.5;

  private final JobsClient api;
  private final Environment environment;
  private final Duration timeout;
  private final Duration interval;
  private final Duration longestInterval;
  private final Duration grace;
  private final ProgressLine progress;

  public JobWaiter(
      JobsClient api,
      Environment environment,
      Duration timeout,
      Duration interval,
      Duration longestInterval,
      Duration grace,
      ProgressLine progress) {
    this.api = api;
    this.environment = environment;
    this.timeout = timeout;
    this.interval = interval;
    this.longestInterval = longestInterval;
    this.grace = grace;
    this.progress = progress;
  }

  /** The job's final record; throws for a timeout or an id that never appeared. */
  public JobPrinter.Job await(String id) {
    Instant start = environment.clock().instant();
    Instant deadline = start.plus(timeout);
    double pause = interval.toMillis();
    try {
      while (true) {
        JobsClient.Response response = api.get(id);
        Instant now = environment.clock().instant();
        Duration elapsed = Duration.between(start, now);
        String state;
        if (response.found()) {
          JobPrinter.Job job = JobPrinter.parse(response.body());
          if (job.finished()) {
            return job;
          }
          state = job.status() + attempt(job);
        } else if (elapsed.compareTo(grace) >= 0) {
          throw new JobsException(
              ExitCode.NOT_FOUND,
              "job " + id + " not found (still unknown after " + Durations.format(grace) + ")");
        } else {
          state = "queued";
        }
        if (!now.isBefore(deadline)) {
          throw new JobsException(
              ExitCode.TIMED_OUT,
              "job "
                  + id
                  + " is still "
                  + state
                  + " after "
                  + Durations.format(timeout)
                  + "; resume with: jobs wait "
                  + id);
        }
        progress.show("job " + id + ": " + state + ", " + Durations.format(elapsed));
        long jittered = (long) (pause * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        Duration sleep = Duration.ofMillis(jittered);
        Duration left = Duration.between(now, deadline);
        environment.sleeper().sleep(sleep.compareTo(left) > 0 ? left : sleep);
        pause = Math.min(pause * GROWTH, longestInterval.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobsException(
          ExitCode.INTERRUPTED,
          "interrupted; job " + id + " goes on. Resume with: jobs wait " + id);
    } finally {
      progress.clear();
    }
  }

  private static String attempt(JobPrinter.Job job) {
    String attempts = job.text("attempts");
    return attempts != null && !attempts.equals("0") && !attempts.equals("1")
        ? " (attempt " + attempts + ")"
        : "";
  }
}
