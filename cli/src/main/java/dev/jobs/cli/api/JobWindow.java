package dev.jobs.cli.api;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every job whose status time falls in a window, read through the list API page by page, newest
 * first; a window longer than the API answers is read in parts.
 */
public final class JobWindow {
  /** The longest window the list API answers; a longer one is read in parts. */
  public static final Duration LONGEST_WINDOW = Duration.ofDays(31);

  private JobWindow() {}

  /**
   * @param status one status, or null for every status
   */
  public static List<JobPage.Job> every(JobsClient api, String status, Instant start, Instant end) {
    return every(api, new JobQuery(status, null, null, null, null), start, end);
  }

  /**
   * Every job {@code filter} selects (its status, type, error type and condition; its window and
   * page are set here) with a status time in the window.
   */
  public static List<JobPage.Job> every(
      JobsClient api, JobQuery filter, Instant start, Instant end) {
    List<JobPage.Job> jobs = new ArrayList<>();
    Instant partEnd = end;
    while (partEnd.isAfter(start)) {
      Instant partStart = partEnd.minus(LONGEST_WINDOW);
      if (partStart.isBefore(start)) {
        partStart = start;
      }
      JobQuery query = filter.within(partStart, partEnd);
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
