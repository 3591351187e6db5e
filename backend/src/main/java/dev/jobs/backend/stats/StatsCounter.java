package dev.jobs.backend.stats;

import dev.jobs.backend.job.JobStatus;

/**
 * The names of the counters, the same in SQL rows and in DynamoDB attributes: {@code s.STATUS}
 * (jobs in that status), {@code t.N} (finished jobs whose run time falls in bucket {@code N}) and
 * {@code f.TYPE|CONDITION} (FAILED jobs by error type and condition, either empty when absent; an
 * error type is a class name, which holds no {@code |}).
 */
public final class StatsCounter {
  static final String STATUS = "s.";
  static final String RUN_TIME = "t.";
  static final String FAILURE = "f.";
  private static final char BETWEEN = '|';

  private StatsCounter() {}

  public static String status(JobStatus status) {
    return STATUS + status.name();
  }

  public static String runTime(int bucket) {
    return RUN_TIME + bucket;
  }

  public static String failure(String type, String condition) {
    return FAILURE + (type == null ? "" : type) + BETWEEN + (condition == null ? "" : condition);
  }

  /** A failure counter's error type and condition, null where empty. */
  static String[] failure(String counter) {
    String key = counter.substring(FAILURE.length());
    int between = key.indexOf(BETWEEN);
    String type = key.substring(0, between);
    String condition = key.substring(between + 1);
    return new String[] {type.isEmpty() ? null : type, condition.isEmpty() ? null : condition};
  }
}
