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
  /** A job cancelled before any attempt started: it never runs. */
  public static JobRecord cancelledBeforeStart(String id, Instant at, long expiresAt) {
    return builder(id)
        .status(JobStatus.CANCELLED)
        .finishedAt(at)
        .expiresAt(expiresAt)
        .cancelRequestedAt(at)
        .build();
  }

  /** A job named by its client, accepted and waiting for its first start. */
  public static JobRecord queued(
      String id, String type, ObjectNode parameters, Instant queuedAt, long expiresAt) {
    return builder(id)
        .status(JobStatus.QUEUED)
        .type(type)
        .parameters(parameters)
        .expiresAt(expiresAt)
        .queuedAt(queuedAt)
        .build();
  }

  /** A builder holding this record's fields, to write a record that differs in a few. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder for the record of the job {@code id}, every other field empty (null or 0). */
  public static Builder builder(String id) {
    return new Builder().id(id);
  }

  /**
   * Builds a record by naming the fields it sets, so that a transition reads as the fields it
   * changes rather than as fifteen positional arguments.
   */
  public static final class Builder {
    private String id;
    private JobStatus status;
    private String type;
    private ObjectNode parameters;
    private JsonNode result;
    private JobError error;
    private int attempts;
    private Instant startedAt;
    private Instant finishedAt;
    private long expiresAt;
    private JobProgress progress;
    private Instant heartbeatAt;
    private Instant cancelRequestedAt;
    private Integer timeoutSeconds;
    private Instant queuedAt;

    private Builder() {}

    private Builder(JobRecord record) {
      id = record.id;
      status = record.status;
      type = record.type;
      parameters = record.parameters;
      result = record.result;
      error = record.error;
      attempts = record.attempts;
      startedAt = record.startedAt;
      finishedAt = record.finishedAt;
      expiresAt = record.expiresAt;
      progress = record.progress;
      heartbeatAt = record.heartbeatAt;
      cancelRequestedAt = record.cancelRequestedAt;
      timeoutSeconds = record.timeoutSeconds;
      queuedAt = record.queuedAt;
    }

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder status(JobStatus value) {
      status = value;
      return this;
    }

    public Builder type(String value) {
      type = value;
      return this;
    }

    public Builder parameters(ObjectNode value) {
      parameters = value;
      return this;
    }

    public Builder result(JsonNode value) {
      result = value;
      return this;
    }

    public Builder error(JobError value) {
      error = value;
      return this;
    }

    public Builder attempts(int value) {
      attempts = value;
      return this;
    }

    public Builder startedAt(Instant value) {
      startedAt = value;
      return this;
    }

    public Builder finishedAt(Instant value) {
      finishedAt = value;
      return this;
    }

    public Builder expiresAt(long value) {
      expiresAt = value;
      return this;
    }

    public Builder progress(JobProgress value) {
      progress = value;
      return this;
    }

    public Builder heartbeatAt(Instant value) {
      heartbeatAt = value;
      return this;
    }

    public Builder cancelRequestedAt(Instant value) {
      cancelRequestedAt = value;
      return this;
    }

    public Builder timeoutSeconds(Integer value) {
      timeoutSeconds = value;
      return this;
    }

    public Builder queuedAt(Instant value) {
      queuedAt = value;
      return this;
    }

    public JobRecord build() {
      return new JobRecord(
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
          queuedAt);
    }
  }
}
