package dev.jobs.backend.testing;

import dev.jobs.kind.JobContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A kind's test context that keeps every progress report and answers a cancel once a given number
 * of reports were made.
 */
public final class ReportingJobContext implements JobContext {
  /** One {@link #progress} call. */
  public record Report(long done, long total, String message) {}

  private final List<Report> reports = new ArrayList<>();
  private final int cancelAfterReports;

  /**
   * @param cancelAfterReports how many reports come before a cancel is asked; {@link
   *     Integer#MAX_VALUE} for never
   */
  public ReportingJobContext(int cancelAfterReports) {
    this.cancelAfterReports = cancelAfterReports;
  }

  public List<Report> reports() {
    return reports;
  }

  @Override
  public String jobId() {
    return "job-1";
  }

  @Override
  public int attempt() {
    return 1;
  }

  @Override
  public Duration remainingTime() {
    return Duration.ofMinutes(15);
  }

  @Override
  public void progress(long done, long total, String message) {
    reports.add(new Report(done, total, message));
  }

  @Override
  public boolean cancelRequested() {
    return reports.size() >= cancelAfterReports;
  }
}
