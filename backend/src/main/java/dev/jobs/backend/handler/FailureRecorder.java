package dev.jobs.backend.handler;

import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStore.JobFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Records a failed job from its destination record. */
public record FailureRecorder(JobStore store, Clock clock, Duration retention) {

  /**
   * Records the failure described by a destination record.
   *
   * @return false when the job had already ended (a duplicate record)
   * @throws IllegalArgumentException when the record holds no job
   * @throws dev.jobs.backend.store.JobStoreException when the store fails; the record then goes on
   *     to the error handler's own destination, the failed-jobs bus
   */
  public boolean record(DestinationRecord record) {
    JobInvocation job = ReplayEnvelope.originalJob(record.requestPayload());
    JsonNode parameters = job.parameters();
    Instant now = clock.instant();
    return store.fail(
        new JobFailure(
            job.id(),
            parameters.path(JobRequests.TYPE_FIELD).asString(JobRequests.DEFAULT_TYPE),
            parameters.isObject() ? (ObjectNode) parameters : null,
            record.toJobError(),
            now,
            now.plus(retention).getEpochSecond()));
  }
}
