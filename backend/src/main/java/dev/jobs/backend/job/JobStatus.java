package dev.jobs.backend.job;

/**
 * Where a job stands. {@code SUCCEEDED}, {@code FAILED} and {@code CANCELLED} are terminal; a job
 * is {@code CANCELLED} only when it stopped because an operator cancelled it (or was cancelled
 * before it started). {@code QUEUED} is a job named by its client ({@code PUT /jobs/{jobId}}) or
 * re-driven from its record ({@code POST /jobs/{jobId}/retry}), accepted and waiting for its start.
 */
public enum JobStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this != RUNNING && this != QUEUED;
  }
}
