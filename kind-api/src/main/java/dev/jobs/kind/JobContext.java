package dev.jobs.kind;

import java.time.Duration;

/** What a running job may know about its attempt. */
public interface JobContext {
  String jobId();

  /** 1 for the first attempt. */
  int attempt();

  /** Time left before the function times out. */
  Duration remainingTime();
}
