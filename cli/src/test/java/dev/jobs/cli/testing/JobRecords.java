package dev.jobs.cli.testing;

/** Job records as the API answers them, for the tests that stub it. */
public final class JobRecords {
  /** {@code job-1}, which slept 5 seconds and SUCCEEDED. */
  public static final String SUCCEEDED =
      "{\"id\":\"job-1\",\"status\":\"SUCCEEDED\",\"type\":\"sleep\",\"parameters\":{\"seconds\":5},"
          + "\"result\":{\"slept\":5},\"attempts\":1,\"startedAt\":\"2026-11-26T12:00:00Z\","
          + "\"finishedAt\":\"2026-11-26T12:00:05Z\",\"expiresAt\":1800000000}";

  /** {@code job-2}, which FAILED with its retries exhausted. */
  public static final String FAILED =
      "{\"id\":\"job-2\",\"status\":\"FAILED\",\"type\":\"flaky\",\"parameters\":{\"failures\":1},"
          + "\"attempts\":1,\"startedAt\":\"2026-11-29T10:00:00Z\","
          + "\"finishedAt\":\"2026-11-29T10:00:01.250Z\",\"expiresAt\":1800000000,"
          + "\"error\":{\"type\":\"dev.jobs.kind.JobFailedException\","
          + "\"message\":\"failing on purpose: attempt 1 of the first 1\","
          + "\"condition\":\"RetriesExhausted\"}}";

  /** {@code job-1}, RUNNING a 600-second sleep. */
  public static final String RUNNING =
      "{\"id\":\"job-1\",\"status\":\"RUNNING\",\"type\":\"sleep\",\"parameters\":{\"seconds\":600},"
          + "\"attempts\":1,\"startedAt\":\"2026-11-29T09:58:00Z\",\"expiresAt\":1800000000}";

  /** A page of the two, with a next token. */
  public static final String PAGE =
      "{\"jobs\":[" + FAILED + "," + RUNNING + "],\"next\":\"eyJ2IjoxfQ\"}";

  private JobRecords() {}
}
