package dev.jobs.backend.handler;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.store.JobCursor;
import dev.jobs.backend.store.JobStore;
import dev.jobs.kind.InvalidJobException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request paths the handlers run before the snapshot (see {@link SnapStartHooks}; the list
 * function primes by answering {@link #LIST_EVENT}), so that a restored copy finds them loaded and
 * initialized: on a fresh JVM the first job spent ~400 ms loading the SDK's marshalling, signing
 * and HTTP path and the JSON paths. Each path reads only keys no job can have and writes nothing:
 * no job is recorded, no event is put.
 */
public record Priming(JobStore store, JobKinds kinds, JobRequests requests) {
  /** A job id no request carries: API Gateway's request ids are UUIDs, and none holds '#'. */
  public static final String IMPOSSIBLE_ID = "#priming";

  /**
   * API Gateway's event for a page of the jobs that failed in the first second of 1970: it reads
   * the list index's partitions of a day no job has (status times are when jobs ran).
   */
  static final String LIST_EVENT =
      "{\"httpMethod\":\"GET\",\"path\":\"/jobs\",\"queryStringParameters\":{\"status\":\"FAILED\","
          + "\"since\":\"1970-01-01T00:00:00Z\",\"until\":\"1970-01-01T00:00:01Z\",\"limit\":\"1\"}}";

  /**
   * The processing function's path short of its writes: the event parsed, every kind's validation,
   * the store's read of {@link #IMPOSSIBLE_ID}, a record's formats and the answer written.
   */
  public void processingPath() {
    JsonNode event =
        JobJson.MAPPER.readTree(
            ("{\"id\":\"" + IMPOSSIBLE_ID + "\",\"parameters\":{\"type\":\"sleep\",\"seconds\":1}}")
                .getBytes(StandardCharsets.UTF_8));
    JobInvocation job =
        ReplayEnvelope.isReplay(event)
            ? ReplayEnvelope.originalJob(event)
            : JobInvocation.from(event);
    validateEachKind(job.parameters());
    if (store.find(job.id()).isPresent()) {
      throw new IllegalStateException("the store holds a job with the impossible id " + job.id());
    }
    Instant now = Instant.now();
    JobError error = new JobError("Priming", "a synthetic job", JobProcessor.VALIDATION_FAILED);
    JobRecord record =
        JobRecord.builder(job.id())
            .status(JobStatus.SUCCEEDED)
            .type("sleep")
            .parameters((ObjectNode) job.parameters())
            .result(JobJson.MAPPER.createObjectNode().put("slept", 1))
            .error(
                JobJson.MAPPER.readValue(JobJson.MAPPER.writeValueAsString(error), JobError.class))
            .attempts(1)
            .startedAt(now)
            .finishedAt(now)
            .expiresAt(now.getEpochSecond())
            .build();
    JobJson.MAPPER.readTree(JobJson.MAPPER.writeValueAsString(record));
    // The store's formats of a status time: its list key's and its attributes' (read back).
    JobCursor.sortable(now);
    Instant.parse(now.toString());
    JobJson.MAPPER.writeValue(
        new ByteArrayOutputStream(),
        JobJson.MAPPER
            .createObjectNode()
            .put("id", job.id())
            .put("outcome", JobProcessor.Outcome.SUCCEEDED.name()));
  }

  /**
   * The error handler's path short of its write and its event: a destination record parsed, its job
   * unwrapped and its error formatted.
   */
  public void failurePath() {
    JsonNode json =
        JobJson.MAPPER.readTree(
            ("{\"requestContext\":{\"requestId\":\"priming\",\"condition\":\"RetriesExhausted\","
                    + "\"approximateInvokeCount\":3},\"responseContext\":{\"functionError\":"
                    + "\"Unhandled\"},\"requestPayload\":{\"id\":\""
                    + IMPOSSIBLE_ID
                    + "\",\"parameters\":{\"type\":\"sleep\",\"seconds\":1}},"
                    + "\"responsePayload\":{\"errorType\":\"Priming\",\"errorMessage\":\"x\"}}")
                .getBytes(StandardCharsets.UTF_8));
    DestinationRecord record = DestinationRecord.from(json);
    JobInvocation job = ReplayEnvelope.originalJob(record.requestPayload());
    job.parameters().path(JobRequests.TYPE_FIELD).asString(JobRequests.DEFAULT_TYPE);
    JobJson.MAPPER.writeValueAsString(record.toJobError());
    JobJson.MAPPER.writeValueAsString(json);
    JobJson.MAPPER.writeValue(
        new ByteArrayOutputStream(), JobJson.MAPPER.createObjectNode().put("recorded", false));
  }

  /** Runs each kind's own rules; a rule refusing the synthetic parameters is a path run too. */
  private void validateEachKind(JsonNode parameters) {
    requests.validate(parameters);
    for (String name : kinds.names()) {
      try {
        requests.validate(JobJson.MAPPER.createObjectNode().put(JobRequests.TYPE_FIELD, name));
      } catch (InvalidJobException expected) {
        // Most kinds require parameters: the refusal went through the same code.
      }
    }
  }
}
