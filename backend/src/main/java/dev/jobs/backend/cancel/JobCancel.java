package dev.jobs.backend.cancel;

import dev.jobs.backend.job.ApiAnswer;
import dev.jobs.backend.job.JobId;
import dev.jobs.backend.store.JobStore.CancelResult;
import dev.jobs.backend.store.RecordKeeping;
import java.time.Instant;

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
 *   <li>{@code 400 {"message": ...}} for an id outside {@link JobId#PATTERN}, and nothing is
 *       written.
 * </ul>
 */
public final class JobCancel {
  private final RecordKeeping records;

  /**
   * @param records its retention is how long a record made for a job cancelled before it started is
   *     kept
   */
  public JobCancel(RecordKeeping records) {
    this.records = records;
  }

  /**
   * Answers a request.
   *
   * @param jobId the path parameter, percent-decoded; null when missing
   * @throws dev.jobs.backend.store.JobStoreException when the store fails (a 500 for the caller)
   */
  public ApiAnswer answer(String jobId) {
    if (!JobId.valid(jobId)) {
      return JobId.NOT_A_JOB_ID;
    }
    Instant now = records.clock().instant();
    CancelResult result = records.store().cancel(jobId, now, records.expiresAt(now));
    return switch (result.outcome()) {
      case CANCEL_RECORDED, ALREADY_CANCELLED -> ApiAnswer.json(202, result.record());
      case ALREADY_ENDED ->
          ApiAnswer.message(409, "job " + jobId + " already ended " + result.record().status());
    };
  }
}
