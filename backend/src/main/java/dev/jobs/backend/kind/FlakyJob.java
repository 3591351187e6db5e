package dev.jobs.backend.kind;

import dev.jobs.backend.job.JobJson;
import dev.jobs.kind.InvalidJobException;
import dev.jobs.kind.JobContext;
import dev.jobs.kind.JobFailedException;
import dev.jobs.kind.JobKind;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job that fails on purpose: it sleeps {@code seconds} (default 0), then fails while its attempt
 * number is at most {@code failures}, and succeeds after. With {@code failures=1} and no Lambda
 * retry, the first run fails and a replay (attempt 2) succeeds: the failure story, without tricks.
 * Its sleep reports progress and stops for a cancel as {@link SleepJob}'s does. Each attempt writes
 * three lines to the job's log (its start, its sleep, its outcome), so that {@code jobs logs} has
 * something to show on every attempt.
 */
public record FlakyJob(SleepJob.Sleeper sleeper) implements JobKind {
  public static final int MAX_FAILURES = 10;

  public FlakyJob() {
    this(SleepJob.Sleeper.THREAD);
  }

  @Override
  public String name() {
    return "flaky";
  }

  @Override
  public Set<String> parameterNames() {
    return Set.of("failures", "seconds");
  }

  @Override
  public void validate(ObjectNode parameters) {
    JsonNode failures = parameters.get("failures");
    if (failures == null || failures.isNull()) {
      throw new InvalidJobException("'failures' is required");
    }
    checkInteger("failures", failures, 1, MAX_FAILURES);
    JsonNode seconds = parameters.get("seconds");
    if (seconds != null && !seconds.isNull()) {
      checkInteger("seconds", seconds, 0, SleepJob.MAX_SECONDS);
    }
  }

  private static void checkInteger(String name, JsonNode value, int min, int max) {
    if (!value.isNumber()
        || !value.isIntegralNumber() && value.decimalValue().stripTrailingZeros().scale() > 0) {
      throw new InvalidJobException("'" + name + "' must be an integer");
    }
    BigDecimal number = value.decimalValue();
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidJobException("'" + name + "' must be from " + min + " to " + max);
    }
  }

  @Override
  public JsonNode run(ObjectNode parameters, JobContext context) throws InterruptedException {
    int failures = parameters.get("failures").asInt();
    int seconds = parameters.path("seconds").asInt(0);
    int attempt = context.attempt();
    System.Logger log = context.log();
    log.log(Level.INFO, "attempt {0}: starting; the first {1} attempts fail", attempt, failures);
    SleepJob.sleepReporting(sleeper, seconds, context);
    log.log(Level.INFO, "attempt {0}: slept {1}s", attempt, seconds);
    if (attempt <= failures) {
      log.log(Level.WARNING, "attempt {0}: failing on purpose", attempt);
      throw new JobFailedException(
          "failing on purpose: attempt " + attempt + " of the first " + failures);
    }
    log.log(Level.INFO, "attempt {0}: succeeding", attempt);
    return JobJson.MAPPER.createObjectNode().put("message", "succeeded on attempt " + attempt);
  }
}
