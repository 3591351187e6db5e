package dev.jobs.kind;

import java.time.Duration;

/**
 * What a running job may know about its attempt, and how it reports back while it runs.
 *
 * <p>{@link #progress}, {@link #cancelRequested()}, {@link #checkCancelled()} and {@link #log()}
 * are default methods that do nothing of the runtime's, so that a context written before them (a
 * kind's own test double) still compiles; the runtimes implement them.
 */
public interface JobContext {
  String jobId();

  /** 1 for the first attempt. */
  int attempt();

  /** Time left before the function times out. */
  Duration remainingTime();

  /**
   * Records the job's progress, shown by {@code jobs get} and {@code jobs wait}, and counts as a
   * heartbeat: a {@code RUNNING} job whose heartbeat is older than the function's timeout plus a
   * minute is shown as stalled.
   *
   * <p>Cheap enough to call in a tight loop: a call only keeps the value, and at most one write a
   * second reaches the job's record (the latest value wins; the last one is always written before
   * the job ends). Each write is one conditional write of the record, so a job that reports
   * progress all along costs at most 60 writes per minute it runs, besides the writes at its start
   * and its end. The write's answer carries the cancel flag {@link #cancelRequested()} reads.
   *
   * @param done the work done so far, at least 0
   * @param total the whole work, at least 0; 0 when unknown
   * @param message a short line for operators, or null; cut to 1,000 characters
   * @throws IllegalArgumentException when {@code done} or {@code total} is negative
   */
  default void progress(long done, long total, String message) {}

  /**
   * Whether an operator asked this job to stop ({@code jobs cancel}, {@code POST
   * /jobs/{id}/cancel}). The flag comes with each progress write; when the last write is older than
   * a second, this call makes a heartbeat write itself, so a job that only polls this method learns
   * of a cancel within about a second and costs the same writes as one that reports progress.
   */
  default boolean cancelRequested() {
    return false;
  }

  /**
   * Stops the job when an operator asked it to: call it between units of work.
   *
   * @throws JobCancelledException when {@link #cancelRequested()}; let it propagate, and the
   *     attempt ends {@code CANCELLED}
   */
  default void checkCancelled() {
    if (cancelRequested()) {
      throw new JobCancelledException("job " + jobId() + " was cancelled");
    }
  }

  /**
   * The job's log: each line is one JSON event of this job and attempt ({@code jobId}, {@code
   * attempt}, {@code level}, {@code message}, {@code timestamp}), which {@code jobs logs ID}
   * prints. On AWS it goes to the processing function's log group, in Lambda's JSON log format; on
   * the local runtime to its store. Lines the job writes to {@code System.out} and {@code
   * System.err} are kept too, as events of this job with the logger {@code stdout} or {@code
   * stderr}.
   *
   * <p>A {@link System.Logger}, the JDK's own logging interface: a kind needs no logging library
   * and no binding, and the Lambda artifact carries none. Messages with parameters are formatted as
   * {@link java.text.MessageFormat} does ({@code "read {0} rows"}); a throwable adds its type,
   * message and stack trace to the event. Writing a line costs about as much as a {@code println}
   * of it; every level is kept.
   *
   * <p>By default (a context of a kind's own tests) the platform logger named {@code
   * dev.jobs.kind}.
   */
  default System.Logger log() {
    return System.getLogger("dev.jobs.kind");
  }
}
