package dev.jobs.backend.metrics;

import dev.jobs.backend.job.JobJson;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record per finished run of a job (succeeded, failed or cancelled), in CloudWatch's embedded
 * metric format (EMF): a JSON line the function writes to its log, from which CloudWatch Logs
 * extracts the metrics, so that counting jobs costs no API call on the job's path. Written directly
 * with Jackson: Powertools' metrics module would take the Lambda artifact past its 12 MiB budget.
 *
 * <p>Outside Lambda (the local runtime, the tests) nothing extracts the record, so {@link
 * #fromEnvironment} writes none there: the local runtime's console stays the job log it is, and
 * {@code jobs stats} reads the same numbers from the API.
 */
public final class JobMetrics {
  public static final String NAMESPACE = "Jobs";

  /** Dimension: the processing function's name, which tells one stack's jobs from another's. */
  public static final String FUNCTION = "Function";

  /** Dimension: the job's type ({@code sleep}, {@code flaky}, or a kind of your own). */
  public static final String JOB_TYPE = "JobType";

  public static final String SUCCEEDED = "JobsSucceeded";
  public static final String FAILED = "JobsFailed";

  /** Runs that stopped for an operator's cancel (neither a success nor a failure). */
  public static final String CANCELLED = "JobsCancelled";

  public static final String RUN_TIME = "RunTime";

  /** The type dimension of a job refused before it ran: its type is the caller's text. */
  public static final String INVALID_TYPE = "invalid";

  /** Records nothing: where no CloudWatch reads the log. */
  public static final JobMetrics NONE = new JobMetrics(null, line -> {});

  private final String function;
  private final Consumer<String> log;

  /**
   * @param function the {@link #FUNCTION} dimension
   * @param log where a record goes, one line each
   */
  public JobMetrics(String function, Consumer<String> log) {
    this.function = function;
    this.log = log;
  }

  /** In Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} set), records to standard output; else none. */
  public static JobMetrics fromEnvironment(Map<String, String> env, PrintStream out) {
    String function = env.get("AWS_LAMBDA_FUNCTION_NAME");
    if (function == null || function.isBlank()) {
      return NONE;
    }
    return new JobMetrics(function, out::println);
  }

  /** How a run ended, as the record counts it. */
  enum Ending {
    SUCCEEDED,
    FAILED,
    CANCELLED
  }

  /** A run that ended with the job succeeded. */
  public void succeeded(String jobType, Instant at, Duration runTime) {
    record(jobType, at, Ending.SUCCEEDED, runTime);
  }

  /** A run that ended with the job failed (Lambda may still retry it), or a job refused. */
  public void failed(String jobType, Instant at, Duration runTime) {
    record(jobType, at, Ending.FAILED, runTime);
  }

  /** A run that stopped for a cancel, or a retry that found one and did not run. */
  public void cancelled(String jobType, Instant at, Duration runTime) {
    record(jobType, at, Ending.CANCELLED, runTime);
  }

  private void record(String jobType, Instant at, Ending ending, Duration runTime) {
    if (this == NONE) {
      return;
    }
    log.accept(JobJson.MAPPER.writeValueAsString(record(function, jobType, at, ending, runTime)));
  }

  /**
   * The record itself, as the EMF specification shapes it: every record counts each ending, 1 for
   * its own and 0 for the others, so that a sum over any period is the number of runs.
   */
  static ObjectNode record(
      String function, String jobType, Instant at, Ending ending, Duration runTime) {
    ObjectNode root = JobJson.MAPPER.createObjectNode();
    ObjectNode directive = JobJson.MAPPER.createObjectNode().put("Namespace", NAMESPACE);
    ArrayNode dimensions = directive.putArray("Dimensions");
    // By function and type for the dashboard's breakdown; by function alone for its totals.
    dimensions.addArray().add(FUNCTION).add(JOB_TYPE);
    dimensions.addArray().add(FUNCTION);
    ArrayNode metrics = directive.putArray("Metrics");
    metrics.addObject().put("Name", SUCCEEDED).put("Unit", "Count");
    metrics.addObject().put("Name", FAILED).put("Unit", "Count");
    metrics.addObject().put("Name", CANCELLED).put("Unit", "Count");
    metrics.addObject().put("Name", RUN_TIME).put("Unit", "Milliseconds");
    ObjectNode aws = root.putObject("_aws");
    aws.put("Timestamp", at.toEpochMilli());
    aws.putArray("CloudWatchMetrics").add(directive);
    root.put(FUNCTION, function);
    root.put(JOB_TYPE, jobType);
    root.put(SUCCEEDED, ending == Ending.SUCCEEDED ? 1 : 0);
    root.put(FAILED, ending == Ending.FAILED ? 1 : 0);
    root.put(CANCELLED, ending == Ending.CANCELLED ? 1 : 0);
    root.put(RUN_TIME, runTime.toMillis());
    return root;
  }
}
