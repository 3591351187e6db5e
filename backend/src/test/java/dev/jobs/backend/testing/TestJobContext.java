package dev.jobs.backend.testing;

import dev.jobs.kind.JobContext;
import java.time.Duration;

/** What a job kind's tests hand to {@code run}: job {@code job-1}, an attempt and a time left. */
public record TestJobContext(String jobId, int attempt, Duration remainingTime)
    implements JobContext {

  /** The first attempt, with Lambda's longest timeout ahead. */
  public static TestJobContext first() {
    return attempt(1);
  }

  /** An attempt with Lambda's longest timeout ahead. */
  public static TestJobContext attempt(int attempt) {
    return new TestJobContext("job-1", attempt, Duration.ofMinutes(15));
  }

  /** The first attempt with this much time left. */
  public static TestJobContext remaining(Duration remainingTime) {
    return new TestJobContext("job-1", 1, remainingTime);
  }
}
