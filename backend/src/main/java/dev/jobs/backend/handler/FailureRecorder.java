package dev.jobs.backend.handler;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.log.JobLogSink;
import dev.jobs.backend.log.JobLogger;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.RecordKeeping;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records a failed job from its destination record, and says so in the job's log (logger {@link
 * #LOGGER}): one line with the job's error, its Lambda condition and the invocation count, and no
 * attempt, as it is about the job's end rather than one of its runs.
 */
public record FailureRecorder(RecordKeeping records, JobLogSink log) {
  /** The logger name of the error handler's line about a job. */
  public static final String LOGGER = "jobs.failures";

  /** Its log lines to standard output: the function's log in Lambda. */
  public FailureRecorder(RecordKeeping records) {
    this(records, JobLogSink.standardOutput());
  }

  /** Records without naming the invocation in the log line. */
  public boolean record(DestinationRecord record) {
    return record(record, null);
  }

  /**
   * Records the failure described by a destination record.
   *
   * @return false when the job had already ended (a duplicate record)
   * @throws IllegalArgumentException when the record holds no job
   * @throws dev.jobs.backend.store.JobStoreException when the store fails; the record then goes on
   *     to the error handler's own destination, the failed-jobs bus
   */
  public boolean record(DestinationRecord record, String requestId) {
    JobInvocation job = ReplayEnvelope.originalJob(record.requestPayload());
    JsonNode parameters = job.parameters();
    Instant now = records.clock().instant();
    JobError error = record.toJobError();
    boolean recorded =
        records
            .store()
            .fail(
                new JobFailure(
                    job.id(),
                    parameters.path(JobRequests.TYPE_FIELD).asString(JobRequests.DEFAULT_TYPE),
                    parameters.isObject() ? (ObjectNode) parameters : null,
                    error,
                    now,
                    records.expiresAt(now)));
    new JobLogger(LOGGER, job.id(), null, new JobLogger.Target(log, records.clock(), requestId))
        .log(
            System.Logger.Level.ERROR,
            (recorded ? "recorded FAILED: " : "already ended; failure not recorded again: ")
                + error.type()
                + ": "
                + error.message()
                + " ["
                + error.condition()
                + "]",
            null,
            Map.of(
                "errorType", String.valueOf(error.type()),
                "condition", String.valueOf(error.condition()),
                "approximateInvokeCount", record.approximateInvokeCount()));
    return recorded;
  }
}
