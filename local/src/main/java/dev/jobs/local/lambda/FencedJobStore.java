package dev.jobs.local.lambda;

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

  private static void check() {
    if (AttemptFence.isAbandoned()) {
      throw new JobStoreException(
          "the attempt timed out; its writes are refused", new IllegalStateException("timed out"));
    }
  }
}
