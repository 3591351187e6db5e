package dev.jobs.backend.queue;

import dev.jobs.backend.job.ApiAnswer;
import dev.jobs.backend.job.JobId;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobRequestSchema;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.store.JobStore.QueueResult;
import dev.jobs.backend.store.JobStore.RetryResult;
import dev.jobs.backend.store.RecordKeeping;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code PUT /jobs/{jobId}} and {@code POST /jobs/{jobId}/retry}: the request in, status and JSON
 * body out. The AWS queue function and the local runtime both answer through this class, so they
 * answer alike. Both only write the job's record {@code QUEUED}; what starts it is the record
 * itself (on AWS the table's stream and the dispatcher, locally the invocation written in the same
 * transaction), so an answer lost on the way to the client loses no job, and a repeated request
 * starts none twice.
 *
 * <ul>
 *   <li>{@code PUT}: {@code 202 {"id"}} when the id has no record (it is recorded {@code QUEUED})
 *       or has one with the same parameters, whatever its status; {@code 409} when it has one with
 *       other parameters; {@code 400} for an id outside {@link JobId#PATTERN}, or parameters that
 *       are no JSON object or too large for a record. The parameters are compared as JSON values:
 *       members in any order, whitespace aside, numbers as written ({@code 30} is not {@code
 *       30.0}).
 *   <li>retry: {@code 202} with the record, {@code QUEUED} again, when a new attempt was queued;
 *       {@code 409} for a job in another status; {@code 404} for an unknown job.
 * </ul>
 */
public final class JobQueue {
  /**
   * The largest parameters a named job takes, as JSON text: its record holds them, and a DynamoDB
   * item is at most 400 KB, of which this leaves 50 KB for the rest of the record (error, result
   * and progress of a run are written later and must fit too).
   */
  public static final int MAX_PARAMETERS_BYTES = 350 * 1024;

  private final RecordKeeping records;

  /**
   * @param records its retention is how long a queued job's record is kept: for as long, its id is
   *     remembered
   */
  public JobQueue(RecordKeeping records) {
    this.records = records;
  }

  /**
   * Answers {@code PUT /jobs/{jobId}}, whose body the API has validated against the request model.
   *
   * @param jobId the path parameter, percent-decoded; null when missing
   * @param body the request body as sent
   * @throws dev.jobs.backend.store.JobStoreException when the store fails (a 500 for the caller)
   */
  public ApiAnswer put(String jobId, String body) {
    if (!JobId.valid(jobId)) {
      return JobId.NOT_A_JOB_ID;
    }
    ObjectNode parameters = parameters(body);
    if (parameters == null) {
      return ApiAnswer.message(400, JobRequestSchema.INVALID_BODY_MESSAGE);
    }
    int size =
        JobJson.MAPPER.writeValueAsString(parameters).getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_PARAMETERS_BYTES) {
      return ApiAnswer.message(
          400,
          "parameters too large for a job record: "
              + size
              + " bytes as JSON, at most "
              + MAX_PARAMETERS_BYTES);
    }
    Instant now = records.clock().instant();
    QueueResult result =
        records
            .store()
            .queue(
                JobRecord.queued(jobId, type(parameters), parameters, now, records.expiresAt(now)));
    if (!result.created() && !parameters.equals(result.record().parameters())) {
      return ApiAnswer.message(409, "job " + jobId + " exists with other parameters");
    }
    return ApiAnswer.json(202, JobJson.MAPPER.createObjectNode().put("id", jobId));
  }

  /**
   * Answers {@code POST /jobs/{jobId}/retry}.
   *
   * @param cancelled whether a {@code CANCELLED} job may be retried ({@code ?cancelled=true})
   * @throws dev.jobs.backend.store.JobStoreException when the store fails (a 500 for the caller)
   */
  public ApiAnswer retry(String jobId, boolean cancelled) {
    if (!JobId.valid(jobId)) {
      return JobId.NOT_A_JOB_ID;
    }
    Instant now = records.clock().instant();
    RetryResult result = records.store().retry(jobId, cancelled, now, records.expiresAt(now));
    return switch (result.outcome()) {
      case QUEUED -> ApiAnswer.json(202, result.record());
      case NOT_FOUND -> ApiAnswer.message(404, "Job not found");
      case REFUSED -> ApiAnswer.message(409, refusal(jobId, result.record(), cancelled));
    };
  }

  private static String refusal(String jobId, JobRecord job, boolean cancelled) {
    if (job.parameters() == null) {
      return "job " + jobId + " was cancelled before it started: it has no parameters to run";
    }
    return "job "
        + jobId
        + " is "
        + job.status()
        + ": only a "
        + (cancelled ? "FAILED or CANCELLED" : "FAILED")
        + " job is retried";
  }

  /** The body as an object, or null when it is none (the model lets only objects through). */
  private static ObjectNode parameters(String body) {
    if (body == null) {
      return null;
    }
    try {
      JsonNode parsed = JobJson.MAPPER.readTree(body);
      return parsed != null && parsed.isObject() ? (ObjectNode) parsed : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  /** The job's type as the processing function reads it: {@code sleep} when absent. */
  private static String type(ObjectNode parameters) {
    JsonNode type = parameters.get(JobRequests.TYPE_FIELD);
    return type != null && type.isString() ? type.asString() : JobRequests.DEFAULT_TYPE;
  }
}
