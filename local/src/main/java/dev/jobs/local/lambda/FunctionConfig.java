package dev.jobs.local.lambda;

import java.time.Duration;

/**
 * A local function's asynchronous-invocation settings, as Lambda has them.
 *
 * @param reservedConcurrency how many attempts run at once: the number of workers
 * @param retryAttempts retries after a failed attempt, 0 to 2
 * @param maxEventAge how long an event may wait, between 60 seconds and 6 hours on AWS
 * @param retryDelay the wait before the first retry; the second waits twice as long (AWS waits
 *     about one minute, then two)
 */
public record FunctionConfig(
    String name,
    Duration timeout,
    int reservedConcurrency,
    int retryAttempts,
    Duration maxEventAge,
    Duration retryDelay) {

  public FunctionConfig {
    if (retryAttempts < 0 || retryAttempts > 2) {
      throw new IllegalArgumentException("retry attempts must be 0 to 2, not " + retryAttempts);
    }
    if (reservedConcurrency < 1) {
      throw new IllegalArgumentException("reserved concurrency must be at least 1");
    }
  }

  /** The same settings for the function of that name. */
  public FunctionConfig named(String value) {
    return new FunctionConfig(
        value, timeout, reservedConcurrency, retryAttempts, maxEventAge, retryDelay);
  }

  public FunctionConfig withTimeout(Duration value) {
    return new FunctionConfig(
        name, value, reservedConcurrency, retryAttempts, maxEventAge, retryDelay);
  }

  public FunctionConfig withRetries(int attempts, Duration delay) {
    return new FunctionConfig(name, timeout, reservedConcurrency, attempts, maxEventAge, delay);
  }

  public FunctionConfig withMaxEventAge(Duration value) {
    return new FunctionConfig(name, timeout, reservedConcurrency, retryAttempts, value, retryDelay);
  }

  public FunctionConfig withConcurrency(int value) {
    return new FunctionConfig(name, timeout, value, retryAttempts, maxEventAge, retryDelay);
  }
}
