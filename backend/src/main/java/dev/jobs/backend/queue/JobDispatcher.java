package dev.jobs.backend.queue;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts queued jobs from the job table's stream: each record whose new image is {@code QUEUED}
 * becomes one asynchronous invocation of the processing function, {@code {"id", "parameters",
 * "queuedAt"}}. The stream writes one record per change of an item, in order, and none for a write
 * that changes nothing, so a client's repeated {@code PUT} dispatches nothing more.
 *
 * <p>Records are dispatched in order and the first that fails ends the batch: it is reported
 * (Lambda's {@code ReportBatchItemFailures}), so the retry starts from it and the records before
 * it, already dispatched, are not dispatched again.
 */
public final class JobDispatcher {
  /** The field of a dispatch that names the queueing it starts. */
  public static final String QUEUED_AT = "queuedAt";

  private final JobDispatch dispatch;

  public JobDispatcher(JobDispatch dispatch) {
    this.dispatch = dispatch;
  }

  /**
   * Dispatches a batch of stream records.
   *
   * @param event Lambda's DynamoDB stream event, {@code {"Records": [...]}}
   * @return the sequence number of the first record not dispatched, or empty when all were
   */
  public Optional<String> dispatch(JsonNode event) {
    for (JsonNode record : event.path("Records")) {
      Optional<String> payload = payload(record);
      if (payload.isEmpty()) {
        continue;
      }
      try {
        dispatch.invoke(payload.get());
      } catch (RuntimeException e) {
        System.err.println(
            "could not dispatch job " + jobId(record) + "; the batch is retried from it: " + e);
        return Optional.of(record.path("dynamodb").path("SequenceNumber").asString(""));
      }
    }
    return Optional.empty();
  }

  /** The invocation a stream record asks for: none unless its new image is a queued job. */
  static Optional<String> payload(JsonNode record) {
    JsonNode image = record.path("dynamodb").path("NewImage");
    if (!JobStatus.QUEUED.name().equals(image.path("status").path("S").asString(""))) {
      return Optional.empty();
    }
    String id = image.path("id").path("S").asString(null);
    String parameters = image.path("parameters").path("S").asString(null);
    String queuedAt = image.path("queuedAt").path("S").asString(null);
    if (id == null || parameters == null || queuedAt == null) {
      // Not a record the queue wrote: there is nothing to run.
      System.err.println("not a queued job's record, not dispatched: " + jobId(record));
      return Optional.empty();
    }
    return Optional.of(
        JobJson.MAPPER.writeValueAsString(
            invocation(id, JobJson.MAPPER.readTree(parameters), Instant.parse(queuedAt))));
  }

  /** The processing function's input for one queueing of a job. */
  public static ObjectNode invocation(String id, JsonNode parameters, Instant queuedAt) {
    ObjectNode payload = JobJson.MAPPER.createObjectNode().put("id", id);
    payload.set("parameters", parameters);
    return payload.put(QUEUED_AT, queuedAt.toString());
  }

  /** Lambda's partial batch answer: {@code {"batchItemFailures": [{"itemIdentifier": seq}]}}. */
  public static JsonNode batchResponse(Optional<String> failed) {
    List<String> identifiers = new ArrayList<>();
    failed.ifPresent(identifiers::add);
    ObjectNode response = JobJson.MAPPER.createObjectNode();
    ArrayNode failures = response.putArray("batchItemFailures");
    identifiers.forEach(id -> failures.addObject().put("itemIdentifier", id));
    return response;
  }

  private static String jobId(JsonNode record) {
    return record.path("dynamodb").path("Keys").path("id").path("S").asString("?");
  }
}
