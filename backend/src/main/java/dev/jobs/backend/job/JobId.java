package dev.jobs.backend.job;

import java.util.regex.Pattern;

/**
 * A job id as a client may name it: what API Gateway's request ids, and any id chosen, look like.
 */
public final class JobId {
  public static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");

  /** The 400 answer to an id outside {@link #PATTERN}, with which nothing is written. */
  public static final ApiAnswer NOT_A_JOB_ID =
      ApiAnswer.message(
          400, "not a job id: expected 1 to 128 of A-Z a-z 0-9 . _ : - (a letter or digit first)");

  private JobId() {}

  /** Whether {@code id} matches {@link #PATTERN}; false for null. */
  public static boolean valid(String id) {
    return id != null && PATTERN.matcher(id).matches();
  }
}
