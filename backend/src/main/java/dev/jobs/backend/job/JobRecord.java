package dev.jobs.backend.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored state of one job; also the JSON body of {@code GET /jobs/{jobId}}.
 *
 * @param expiresAt epoch seconds after which DynamoDB's TTL may delete the record
 * @param progress the job's last reported progress, or null
 * @param heartbeatAt the last progress or heartbeat write, also set when each attempt starts
 * @param cancelRequestedAt the first cancel request, kept when the job then ended otherwise
 * @param timeoutSeconds the processing function's timeout as the attempt saw it when it started
 *     (its remaining time, rounded up), with which a client tells a stalled job from a slow one
 * @param queuedAt when the job was last queued ({@code PUT /jobs/{jobId}} or a retry); the dispatch
 *     of that queueing carries it, so that it starts the job once
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRecord(
    String id,
    JobStatus status,
    String type,
    ObjectNode parameters,
    JsonNode result,
    JobError error,
    int attempts,
    Instant startedAt,
    Instant finishedAt,
    long expiresAt,
    JobProgress progress,
    Instant heartbeatAt,
    Instant cancelRequestedAt,
    Integer timeoutSeconds,
    Instant queuedAt) {
  /** A record never queued by its client. */
  public JobRecord(
      String id,
      JobStatus status,
      String type,
      ObjectNode parameters,
      JsonNode result,
      JobError error,
      int attempts,
      Instant startedAt,
      Instant finishedAt,
      long expiresAt,
      JobProgress progress,
      Instant heartbeatAt,
      Instant cancelRequestedAt,
      Integer timeoutSeconds) {
    this(
        id,
        status,
        type,
        parameters,
        result,
        error,
        attempts,
        startedAt,
        finishedAt,
        expiresAt,
        progress,
        heartbeatAt,
        cancelRequestedAt,
        timeoutSeconds,
        null);
  }

  /** A record with no progress, heartbeat, cancel request or timeout. */
  public JobRecord(
      String id,
      JobStatus status,
      String type,
      ObjectNode parameters,
      JsonNode result,
      JobError error,
      int attempts,
      Instant startedAt,
      Instant finishedAt,
      long expiresAt) {
    this(
        id,
        status,
        type,
        parameters,
        result,
        error,
        attempts,
        startedAt,
        finishedAt,
        expiresAt,
        null,
        null,
        null,
        null,
        null);
  }

  /** A job cancelled before any attempt started: it never runs. */
  public static JobRecord cancelledBeforeStart(String id, Instant at, long expiresAt) {
    return new JobRecord(
        id,
        JobStatus.CANCELLED,
        null,
        null,
        null,
        null,
        0,
        null,
        at,
        expiresAt,
        null,
        null,
        at,
        null,
        null);
  }

  /** A job named by its client, accepted and waiting for its first start. */
  public static JobRecord queued(
      String id, String type, ObjectNode parameters, Instant queuedAt, long expiresAt) {
    return new JobRecord(
        id,
        JobStatus.QUEUED,
        type,
        parameters,
        null,
        null,
        0,
        null,
        null,
        expiresAt,
        null,
        null,
        null,
        null,
        queuedAt);
  }
}
