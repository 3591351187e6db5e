package dev.jobs.backend.job;

/** Where a job stands. {@code SUCCEEDED} and {@code FAILED} are terminal. */
public enum JobStatus {
  RUNNING,
  SUCCEEDED,
  FAILED;

  public boolean isTerminal() {
    return this != RUNNING;
  }
}
