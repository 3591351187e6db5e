package dev.jobs.local.lambda;

import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.store.ForwardingJobStore;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStoreException;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A job store that refuses writes from attempts that already timed out; reads go through. */
public final class FencedJobStore extends ForwardingJobStore {
  public FencedJobStore(JobStore store) {
    super(store);
  }

  @Override
  public Optional<JobRecord> start(JobStart start) {
    check();
    return super.start(start);
  }

  @Override
  public boolean succeed(String id, JsonNode result, Instant finishedAt) {
    check();
    return super.succeed(id, result, finishedAt);
  }

  @Override
  public boolean fail(JobFailure failure) {
    check();
    return super.fail(failure);
  }

  /** An abandoned attempt has moved on: it learns so, as from a write the store refused. */
  @Override
  public Heartbeat progress(String id, int attempt, JobProgress progress, Instant at) {
    if (AttemptFence.isAbandoned()) {
      return Heartbeat.ATTEMPT_OVER;
    }
    return super.progress(id, attempt, progress, at);
  }

  @Override
  public CancelResult cancel(String id, Instant at, long expiresAt) {
    check();
    return super.cancel(id, at, expiresAt);
  }

  @Override
  public boolean cancelled(String id, int attempt, Instant finishedAt) {
    check();
    return super.cancelled(id, attempt, finishedAt);
  }

  private static void check() {
    if (AttemptFence.isAbandoned()) {
      throw new JobStoreException(
          "the attempt timed out; its writes are refused", new IllegalStateException("timed out"));
    }
  }
}
