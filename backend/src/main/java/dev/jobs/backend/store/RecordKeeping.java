package dev.jobs.backend.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What every path that writes a job's record needs, together: the store, the clock that stamps the
 * write, and how long a record lives after it. The API's queue and cancel, the processing function
 * and the error handler take it as one, so each computes a record's expiry alike.
 *
 * @param retention how long a record is kept after its latest write: for as long, its id is
 *     remembered
 */
public record RecordKeeping(JobStore store, Clock clock, Duration retention) {
  /** When a record written at {@code now} expires, in epoch seconds as the store's TTL wants it. */
  public long expiresAt(Instant now) {
    return now.plus(retention).getEpochSecond();
  }
}
