package dev.jobs.cli.replay;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.output.BulkRun;
import dev.jobs.cli.output.BulkRun.Outcome;
import dev.jobs.cli.output.BulkRun.Step;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One job's re-drive from its record ({@code POST /jobs/{id}/retry}) read as a step of a bulk run:
 * written once for {@code jobs redrive} and the console's failures page, so both skip and refuse
 * the same jobs for the same answers.
 *
 * @param cancelled whether a CANCELLED job is re-driven too ({@code ?cancelled=true})
 */
public record RetryStep(JobsClient api, boolean cancelled) {
  /** The run's words: re-drive, re-driven, and how a re-driven job waited for ended. */
  public static final BulkRun.Words WORDS =
      new BulkRun.Words(
          "re-drive",
          "re-driven",
          "redriven",
          List.of(
              new BulkRun.End("SUCCEEDED", "SUCCEEDED", "succeeded"),
              new BulkRun.End("FAILED", "FAILED again", "failedAgain"),
              new BulkRun.End("CANCELLED", "CANCELLED", "cancelled")));

  /** The API's refusal names the status: {@code job <id> is RUNNING: only a FAILED job ...}. */
  private static final Pattern STATUS = Pattern.compile(" is ([A-Z]+):");

  /**
   * 202: re-driven. 409 naming QUEUED or RUNNING: someone re-drove it meanwhile, skipped; for a job
   * a filter listed ({@code byFilter}), any other status too (it was in the filter's status when
   * listed). Else refused, with the API's reason.
   */
  public Step retry(String id, boolean byFilter) {
    JobsClient.Response response = api.retry(id, cancelled);
    if (!response.found()) {
      return new Step(id, Outcome.REFUSED, "job " + id + " not found", null);
    }
    if (response.conflict()) {
      String message = JobsClient.messageOf(response.body());
      Matcher matcher = STATUS.matcher(message);
      String now = matcher.find() ? matcher.group(1) : null;
      boolean changed = "QUEUED".equals(now) || "RUNNING".equals(now) || byFilter && now != null;
      return new Step(id, changed ? Outcome.SKIPPED : Outcome.REFUSED, message, null);
    }
    return new Step(id, Outcome.DONE, null, JobPage.Job.parse(response.body()));
  }
}
