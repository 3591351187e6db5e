package dev.jobs.backend.store;

import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A job store that hands every call to another: a subclass overrides the calls it guards (the local
 * runtime's fence on timed-out attempts) or, in a test, the one call it makes fail or watches, as
 * an outage or a broken table would.
 */
public class ForwardingJobStore implements JobStore {
  private final JobStore delegate;

  public ForwardingJobStore(JobStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<JobRecord> find(String id) {
    return delegate.find(id);
  }

  @Override
  public Optional<JobRecord> start(JobStart start) {
    return delegate.start(start);
  }

  @Override
  public boolean succeed(String id, JsonNode result, Instant finishedAt) {
    return delegate.succeed(id, result, finishedAt);
  }

  @Override
  public boolean fail(JobFailure failure) {
    return delegate.fail(failure);
  }

  @Override
  public Heartbeat progress(String id, int attempt, JobProgress progress, Instant at) {
    return delegate.progress(id, attempt, progress, at);
  }

  @Override
  public CancelResult cancel(String id, Instant at, long expiresAt) {
    return delegate.cancel(id, at, expiresAt);
  }

  @Override
  public boolean cancelled(String id, int attempt, Instant finishedAt) {
    return delegate.cancelled(id, attempt, finishedAt);
  }

  @Override
  public QueueResult queue(JobRecord queued) {
    return delegate.queue(queued);
  }

  @Override
  public RetryResult retry(String id, boolean cancelled, Instant at, long expiresAt) {
    return delegate.retry(id, cancelled, at, expiresAt);
  }

  @Override
  public JobPage list(JobQuery query) {
    return delegate.list(query);
  }
}
