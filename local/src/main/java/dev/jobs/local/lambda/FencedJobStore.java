package dev.jobs.local.lambda;

import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.store.JobPage;
import dev.jobs.backend.store.JobQuery;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStoreException;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A job store that refuses writes from attempts that already timed out. */
public final class FencedJobStore implements JobStore {
  private final JobStore store;

  public FencedJobStore(JobStore store) {
    this.store = store;
  }

  @Override
  public Optional<JobRecord> find(String id) {
    return store.find(id);
  }

  @Override
  public Optional<JobRecord> start(JobStart start) {
    check();
    return store.start(start);
  }

  @Override
  public boolean succeed(String id, JsonNode result, Instant finishedAt) {
    check();
    return store.succeed(id, result, finishedAt);
  }

  @Override
  public boolean fail(JobFailure failure) {
    check();
    return store.fail(failure);
  }

  @Override
  public JobPage list(JobQuery query) {
    return store.list(query);
  }

  private static void check() {
    if (AttemptFence.isAbandoned()) {
      throw new JobStoreException(
          "the attempt timed out; its writes are refused", new IllegalStateException("timed out"));
    }
  }
}
