package dev.jobs.backend.cancel;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStore.CancelResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * {@code POST /jobs/{jobId}/cancel}: the job id in, status and JSON body out. The AWS cancel
 * function and the local runtime both answer through this class, so they answer alike:
 *
 * <ul>
 *   <li>{@code 202} with the record when the cancel is recorded: a running job notes it and stops
 *       at its next progress write, a job not started yet is stored {@code CANCELLED} and never
 *       runs; again {@code 202} for a job already {@code CANCELLED}, unchanged;
 *   <li>{@code 409 {"message": "job <id> already ended SUCCEEDED"}} (or {@code FAILED}), and
 *       nothing changes;
 *   <li>{@code 400 {"message": ...}} for an id outside {@link #JOB_ID}, and nothing is written.
 * </ul>
 */
public final class JobCancel {
  /** A job id: what API Gateway's request ids, and any id a client may choose, look like. */
  public static final Pattern JOB_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");

  /** A status code and its JSON body. */
  public record Answer(int statusCode, String body) {}

  private final JobStore store;
  private final Clock clock;
  private final Duration retention;

  /**
   * @param retention how long a record made for a job cancelled before it started is kept
   */
  public JobCancel(JobStore store, Clock clock, Duration retention) {
    this.store = store;
    this.clock = clock;
    this.retention = retention;
  }

  /**
   * Answers a request.
   *
   * @param jobId the path parameter, percent-decoded; null when missing
   * @throws dev.jobs.backend.store.JobStoreException when the store fails (a 500 for the caller)
   */
  public Answer answer(String jobId) {
    if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
      return message(
          400, "not a job id: expected 1 to 128 of A-Z a-z 0-9 . _ : - (a letter or digit first)");
    }
    Instant now = clock.instant();
    CancelResult result = store.cancel(jobId, now, now.plus(retention).getEpochSecond());
    return switch (result.outcome()) {
      case CANCEL_RECORDED, ALREADY_CANCELLED ->
          new Answer(202, JobJson.MAPPER.writeValueAsString(result.record()));
      case ALREADY_ENDED ->
          message(409, "job " + jobId + " already ended " + result.record().status());
    };
  }

  private static Answer message(int status, String message) {
    return new Answer(
        status,
        JobJson.MAPPER.writeValueAsString(
            JobJson.MAPPER.createObjectNode().put("message", message)));
  }
}
