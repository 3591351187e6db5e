package dev.jobs.backend.job;

/**
 * Where a job stands. {@code SUCCEEDED}, {@code FAILED} and {@code CANCELLED} are terminal; a job
 * is {@code CANCELLED} only when it stopped because an operator cancelled it (or was cancelled
 * before it started).
 */
public enum JobStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this != RUNNING;
  }
}
