package dev.jobs.cli.replay;

import dev.jobs.cli.ExitCode;
import dev.jobs.cli.JobsException;
import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobQuery;
import dev.jobs.cli.api.JobsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs a replay of a window re-drives: the {@code FAILED} jobs whose failure falls in it, read
 * through the list API, every page, newest first.
 */
final class FailedJobs {
  /** The longest window the list API answers; a longer one is read in parts. */
  static final Duration LONGEST_WINDOW = Duration.ofDays(31);

  private FailedJobs() {}

  static List<JobPage.Job> in(JobsClient api, Instant start, Instant end) {
    List<JobPage.Job> jobs = new ArrayList<>();
    Instant partEnd = end;
    while (partEnd.isAfter(start)) {
      Instant partStart = partEnd.minus(LONGEST_WINDOW);
      if (partStart.isBefore(start)) {
        partStart = start;
      }
      JobQuery query = JobQuery.failed(partStart, partEnd);
      while (true) {
        JobPage page = api.list(query);
        jobs.addAll(page.jobs());
        if (page.next().isEmpty()) {
          break;
        }
        if (page.next().get().equals(query.next())) {
          throw new JobsException(
              ExitCode.ERROR, "the jobs API answered GET /jobs with the same page twice");
        }
        query = query.withNext(page.next().get());
      }
      partEnd = partStart;
    }
    return jobs;
  }
}
