package dev.jobs.backend.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A running job's last reported progress, the record's {@code progress} field.
 *
 * @param total the whole work; 0 when unknown
 * @param message a line for operators, or null (then left out of the JSON)
 * @param at when the job reported it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobProgress(long done, long total, String message, Instant at) {
  /** Longer messages are cut: a record must stay far below DynamoDB's 400 KB item limit. */
  public static final int MAX_MESSAGE_LENGTH = 1_000;

  public JobProgress {
    if (done < 0 || total < 0) {
      throw new IllegalArgumentException(
          "progress must not be negative: done " + done + ", total " + total);
    }
    if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
      message = message.substring(0, MAX_MESSAGE_LENGTH);
    }
  }
}
