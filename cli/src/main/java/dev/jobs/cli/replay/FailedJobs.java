package dev.jobs.cli.replay;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobWindow;
import dev.jobs.cli.api.JobsClient;
import java.time.Instant;
import java.util.List;

/**
 * The jobs a replay of a window re-drives: the {@code FAILED} jobs whose failure falls in it, read
 * through the list API, every page, newest first. A job whose parameters were refused before it ran
 * ({@code ValidationFailed}) is not among them: the processing function records that failure and
 * returns, so it never reaches the error handler nor the archive (it would fail again).
 */
public final class FailedJobs {
  /** The condition of a job refused before it ran. */
  static final String VALIDATION_FAILED = "ValidationFailed";

  private FailedJobs() {}

  public static List<JobPage.Job> in(JobsClient api, Instant start, Instant end) {
    return JobWindow.every(api, "FAILED", start, end).stream()
        .filter(job -> !VALIDATION_FAILED.equals(job.condition()))
        .toList();
  }
}
