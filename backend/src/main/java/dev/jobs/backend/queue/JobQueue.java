package dev.jobs.backend.queue;

import dev.jobs.backend.cancel.JobCancel;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobRequestSchema;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStore.QueueResult;
import dev.jobs.backend.store.JobStore.RetryResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
 *       other parameters; {@code 400} for an id outside {@link JobCancel#JOB_ID}, or parameters
 *       that are no JSON object or too large for a record. The parameters are compared as JSON
 *       values: members in any order, whitespace aside, numbers as written ({@code 30} is not
 *       {@code 30.0}).
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

  /** A status code and its JSON body. */
  public record Answer(int statusCode, String body) {}

  private final JobStore store;
  private final Clock clock;
  private final Duration retention;

  /**
   * @param retention how long a queued job's record is kept: for as long, its id is remembered
   */
  public JobQueue(JobStore store, Clock clock, Duration retention) {
    this.store = store;
    this.clock = clock;
    this.retention = retention;
  }

  /**
   * Answers {@code PUT /jobs/{jobId}}, whose body the API has validated against the request model.
   *
   * @param jobId the path parameter, percent-decoded; null when missing
   * @param body the request body as sent
   * @throws dev.jobs.backend.store.JobStoreException when the store fails (a 500 for the caller)
   */
  public Answer put(String jobId, String body) {
    if (!isJobId(jobId)) {
      return notAJobId();
    }
    ObjectNode parameters = parameters(body);
    if (parameters == null) {
      return message(400, JobRequestSchema.INVALID_BODY_MESSAGE);
    }
    int size =
        JobJson.MAPPER.writeValueAsString(parameters).getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_PARAMETERS_BYTES) {
      return message(
          400,
          "parameters too large for a job record: "
              + size
              + " bytes as JSON, at most "
              + MAX_PARAMETERS_BYTES);
    }
    Instant now = clock.instant();
    QueueResult result =
        store.queue(
            JobRecord.queued(
                jobId, type(parameters), parameters, now, now.plus(retention).getEpochSecond()));
    if (!result.created() && !parameters.equals(result.record().parameters())) {
      return message(409, "job " + jobId + " exists with other parameters");
    }
    return new Answer(
        202, JobJson.MAPPER.writeValueAsString(JobJson.MAPPER.createObjectNode().put("id", jobId)));
  }

  /**
   * Answers {@code POST /jobs/{jobId}/retry}.
   *
   * @param cancelled whether a {@code CANCELLED} job may be retried ({@code ?cancelled=true})
   * @throws dev.jobs.backend.store.JobStoreException when the store fails (a 500 for the caller)
   */
  public Answer retry(String jobId, boolean cancelled) {
    if (!isJobId(jobId)) {
      return notAJobId();
    }
    Instant now = clock.instant();
    RetryResult result = store.retry(jobId, cancelled, now, now.plus(retention).getEpochSecond());
    return switch (result.outcome()) {
      case QUEUED -> new Answer(202, JobJson.MAPPER.writeValueAsString(result.record()));
      case NOT_FOUND -> message(404, "Job not found");
      case REFUSED -> message(409, refusal(jobId, result.record(), cancelled));
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

  private static boolean isJobId(String jobId) {
    return jobId != null && JobCancel.JOB_ID.matcher(jobId).matches();
  }

  private static Answer notAJobId() {
    return message(
        400, "not a job id: expected 1 to 128 of A-Z a-z 0-9 . _ : - (a letter or digit first)");
  }

  private static Answer message(int status, String message) {
    return new Answer(
        status,
        JobJson.MAPPER.writeValueAsString(
            JobJson.MAPPER.createObjectNode().put("message", message)));
  }
}
