package dev.jobs.backend.kind;

import dev.jobs.backend.job.JobJson;
import dev.jobs.kind.InvalidJobException;
import dev.jobs.kind.JobContext;
import dev.jobs.kind.JobFailedException;
import dev.jobs.kind.JobKind;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pattern's original job: sleeps {@code seconds} and says so. It sleeps a second at a time,
 * reporting its progress after each ({@code done} = seconds slept, {@code total} = seconds asked),
 * and stops within a second of a cancel.
 */
public record SleepJob(SleepJob.Sleeper sleeper) implements JobKind {
  /** Lambda's longest timeout; no sleep could finish beyond it. */
  public static final int MAX_SECONDS = 900;

  /** How a sleep waits; tests pass one that does not. */
  @FunctionalInterface
  public interface Sleeper {
    /** The attempt's thread sleeps. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }

  public SleepJob() {
    this(Sleeper.THREAD);
  }

  @Override
  public String name() {
    return "sleep";
  }

  @Override
  public Set<String> parameterNames() {
    return Set.of("seconds");
  }

  @Override
  public void validate(ObjectNode parameters) {
    JsonNode seconds = parameters.get("seconds");
    if (seconds == null || seconds.isNull()) {
      throw new InvalidJobException("'seconds' is required");
    }
    if (!seconds.isNumber() || !seconds.isIntegralNumber() && !isWholeDecimal(seconds)) {
      throw new InvalidJobException("'seconds' must be an integer");
    }
    if (seconds.decimalValue().compareTo(java.math.BigDecimal.ONE) < 0) {
      throw new InvalidJobException("'seconds' must be at least 1");
    }
    if (seconds.decimalValue().compareTo(java.math.BigDecimal.valueOf(MAX_SECONDS)) > 0) {
      throw new InvalidJobException("'seconds' must be at most " + MAX_SECONDS);
    }
  }

  /**
   * Sleeps {@code seconds}, one second at a time: progress after each second, and a stop at the
   * first second that finds a cancel asked (the progress write brings the flag back).
   *
   * @throws dev.jobs.kind.JobCancelledException when an operator cancelled the job
   */
  static void sleepReporting(Sleeper sleeper, int seconds, JobContext context)
      throws InterruptedException {
    for (int slept = 0; slept < seconds; slept++) {
      context.checkCancelled();
      sleeper.sleep(Duration.ofSeconds(1));
      context.progress(slept + 1, seconds, "slept " + (slept + 1) + " of " + seconds + " s");
    }
  }

  private static boolean isWholeDecimal(JsonNode number) {
    return number.decimalValue().stripTrailingZeros().scale() <= 0;
  }

  @Override
  public JsonNode run(ObjectNode parameters, JobContext context) throws InterruptedException {
    int seconds = parameters.get("seconds").asInt();
    Duration sleep = Duration.ofSeconds(seconds);
    Duration left = context.remainingTime();
    if (sleep.compareTo(left) >= 0) {
      throw new JobFailedException(
          "cannot sleep for "
              + seconds
              + " seconds: the function has "
              + left.toSeconds()
              + " seconds left before it times out");
    }
    sleepReporting(sleeper, seconds, context);
    return JobJson.MAPPER.createObjectNode().put("message", "I slept for " + seconds + " seconds");
  }
}
