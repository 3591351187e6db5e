package dev.jobs.backend.handler;

import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStoreException;
import dev.jobs.kind.JobContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A job's view of its attempt: the time its function has left, and the progress and heartbeat
 * writes that bring back the cancel flag. At most one write per {@link #WRITE_INTERVAL}: a call in
 * between keeps its value as the pending one (the latest wins), which the next write, or {@link
 * #flush} before the job ends, carries. Its log is the attempt's, named for the job's type.
 */
final class LambdaJobContext implements JobContext {
  /** The shortest time between two writes of one attempt. */
  static final Duration WRITE_INTERVAL = Duration.ofSeconds(1);

  private final String jobId;
  private final int attempt;
  private final Supplier<Duration> remainingTime;
  private final JobStore store;
  private final Clock clock;
  private final System.Logger log;

  private Instant lastWrite;
  private JobProgress pending;
  private boolean cancelRequested;
  private boolean attemptOver;

  /**
   * @param started when the attempt's start was written (it counts as the first heartbeat)
   * @param cancelRequested whether the start found a cancel already asked
   */
  LambdaJobContext(
      String jobId,
      int attempt,
      Supplier<Duration> remainingTime,
      JobStore store,
      Clock clock,
      Instant started,
      boolean cancelRequested,
      System.Logger log) {
    this.jobId = jobId;
    this.attempt = attempt;
    this.remainingTime = remainingTime;
    this.store = store;
    this.clock = clock;
    this.lastWrite = started;
    this.cancelRequested = cancelRequested;
    this.log = log;
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public Duration remainingTime() {
    return remainingTime.get();
  }

  @Override
  public System.Logger log() {
    return log;
  }

  @Override
  public synchronized void progress(long done, long total, String message) {
    Instant now = clock.instant();
    pending = new JobProgress(done, total, message, now);
    if (due(now)) {
      write(now);
    }
  }

  /** Asks the store when the last write is a second old, so a cancel arrives within a second. */
  @Override
  public synchronized boolean cancelRequested() {
    Instant now = clock.instant();
    if (due(now)) {
      write(now);
    }
    return cancelRequested;
  }

  /** Writes the pending progress, if any: called before the attempt's end is recorded. */
  synchronized void flush() {
    if (pending != null) {
      write(clock.instant());
    }
  }

  /** Whether the attempt learned of a cancel, without asking the store. */
  synchronized boolean knowsOfCancel() {
    return cancelRequested;
  }

  private boolean due(Instant now) {
    return !attemptOver && !now.isBefore(lastWrite.plus(WRITE_INTERVAL));
  }

  private void write(Instant now) {
    if (attemptOver) {
      return;
    }
    lastWrite = now;
    JobProgress progress = pending;
    try {
      switch (store.progress(jobId, attempt, progress, now)) {
        case RUNNING -> pending = null;
        case CANCEL_REQUESTED -> {
          pending = null;
          cancelRequested = true;
        }
        case ATTEMPT_OVER -> attemptOver = true;
      }
    } catch (JobStoreException e) {
      // Progress is advice: an outage must not fail the job. The value stays pending for the next
      // write, a second later at the earliest.
      log.log(
          System.Logger.Level.WARNING, "could not record the job's progress: " + e.getMessage());
    }
  }
}
