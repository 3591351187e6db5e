package dev.jobs.cli.replay;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobWindow;
import dev.jobs.cli.api.JobsClient;
import java.time.Instant;
import java.util.List;

/**
 * The jobs a replay of a window re-drives: the {@code FAILED} jobs whose failure falls in it, read
 * through the list API, every page, newest first.
 */
public final class FailedJobs {
  private FailedJobs() {}

  public static List<JobPage.Job> in(JobsClient api, Instant start, Instant end) {
    return JobWindow.every(api, "FAILED", start, end);
  }
}
