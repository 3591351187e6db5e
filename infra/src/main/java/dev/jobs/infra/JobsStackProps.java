package dev.jobs.infra;

import dev.jobs.backend.settings.Setting;
import dev.jobs.backend.settings.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The stack's tunables. Those marked "parameter" are only the defaults of CloudFormation parameters
 * of the same meaning, so that a user changes them at deploy time without rebuilding; the others
 * shape the template itself.
 *
 * @param stackName the CloudFormation stack name
 * @param backendJar the backend's Lambda artifact (the shaded jar), the code of every function
 * @param stageName the API stage, the last segment of the API URL
 * @param invokePrincipals ARNs of the principals that may assume the invoke role; empty means the
 *     whole account, as in the original pattern
 * @param memorySizeMb memory of every function
 * @param processingTimeoutSeconds parameter: the processing function's timeout, at most 15 minutes
 * @param reservedConcurrency parameter: the processing function's reserved concurrency, 0 for none
 * @param retryAttempts parameter: asynchronous retries of a failed job (0 to 2)
 * @param maxEventAgeSeconds parameter: how long a job may wait for a run (60 s to 6 h)
 * @param logRetentionDays parameter: retention of the access logs and the functions' logs
 * @param archiveRetentionDays parameter: retention of the failed-jobs archive, 0 for indefinite
 * @param jobRetentionDays parameter: how long a job record is kept (its TTL)
 * @param replayRetryAttempts the replay rule's retries when the function cannot be invoked
 * @param replayMaxEventAgeSeconds the replay rule's maximum event age before the dead-letter queue
 */
public record JobsStackProps(
    String stackName,
    Path backendJar,
    String stageName,
    List<String> invokePrincipals,
    int memorySizeMb,
    int processingTimeoutSeconds,
    int reservedConcurrency,
    int retryAttempts,
    int maxEventAgeSeconds,
    int logRetentionDays,
    int archiveRetentionDays,
    int jobRetentionDays,
    int replayRetryAttempts,
    int replayMaxEventAgeSeconds) {

  /** The retentions CloudWatch Logs accepts. */
  public static final List<Integer> LOG_RETENTION_DAYS = StackSettings.LOG_RETENTION_DAYS;

  public JobsStackProps {
    Objects.requireNonNull(stackName, "stackName");
    Objects.requireNonNull(backendJar, "backendJar");
    Objects.requireNonNull(stageName, "stageName");
    invokePrincipals = List.copyOf(invokePrincipals);
    check(stageName.matches("[A-Za-z0-9_]{1,128}"), "stageName must be letters, digits or _");
    within(
        "processingTimeoutSeconds",
        StackSettings.PROCESSING_TIMEOUT_SECONDS,
        processingTimeoutSeconds);
    within(
        "reservedConcurrency", StackSettings.PROCESSING_RESERVED_CONCURRENCY, reservedConcurrency);
    within("retryAttempts", StackSettings.PROCESSING_RETRY_ATTEMPTS, retryAttempts);
    within(
        "maxEventAgeSeconds", StackSettings.PROCESSING_MAX_EVENT_AGE_SECONDS, maxEventAgeSeconds);
    check(
        Set.copyOf(LOG_RETENTION_DAYS).contains(logRetentionDays),
        "logRetentionDays must be one of " + LOG_RETENTION_DAYS);
    within("archiveRetentionDays", StackSettings.ARCHIVE_RETENTION_DAYS, archiveRetentionDays);
    within("jobRetentionDays", StackSettings.JOB_RETENTION_DAYS, jobRetentionDays);
    check(
        replayRetryAttempts >= 0 && replayRetryAttempts <= 185,
        "replayRetryAttempts must be between 0 and 185");
    check(
        replayMaxEventAgeSeconds >= 60 && replayMaxEventAgeSeconds <= 86400,
        "replayMaxEventAgeSeconds must be between 60 and 86400");
    check(
        memorySizeMb >= 128 && memorySizeMb <= 10240, "memorySizeMb must be between 128 and 10240");
  }

  /** The props with every default: {@link #builder}'s, unchanged. */
  public static JobsStackProps defaults(Path backendJar) {
    return builder(backendJar).build();
  }

  /**
   * A builder that starts from the defaults of {@link StackSettings}: 15 minutes, no reserved
   * concurrency, no retry, 6 hours of event age; stack {@code jobs}, stage {@code prod}, the whole
   * account may invoke.
   */
  public static Builder builder(Path backendJar) {
    return new Builder(backendJar);
  }

  /** Sets the props that differ from the defaults; {@link #build} checks them all. */
  public static final class Builder {
    private final Path backendJar;
    private String stackName = "jobs";
    private String stageName = "prod";
    private List<String> invokePrincipals = List.of();
    private int memorySizeMb = 1024;
    private int processingTimeoutSeconds = StackSettings.PROCESSING_TIMEOUT_SECONDS.defaultValue();
    private int reservedConcurrency = StackSettings.PROCESSING_RESERVED_CONCURRENCY.defaultValue();
    private int retryAttempts = StackSettings.PROCESSING_RETRY_ATTEMPTS.defaultValue();
    private int maxEventAgeSeconds = StackSettings.PROCESSING_MAX_EVENT_AGE_SECONDS.defaultValue();
    private int logRetentionDays = StackSettings.DEFAULT_LOG_RETENTION_DAYS;
    private int archiveRetentionDays = StackSettings.ARCHIVE_RETENTION_DAYS.defaultValue();
    private int jobRetentionDays = StackSettings.JOB_RETENTION_DAYS.defaultValue();
    private int replayRetryAttempts = 2;
    private int replayMaxEventAgeSeconds = 3600;

    private Builder(Path backendJar) {
      this.backendJar = backendJar;
    }

    public Builder stackName(String stackName) {
      this.stackName = stackName;
      return this;
    }

    public Builder stageName(String stageName) {
      this.stageName = stageName;
      return this;
    }

    public Builder invokePrincipals(List<String> invokePrincipals) {
      this.invokePrincipals = invokePrincipals;
      return this;
    }

    public Builder memorySizeMb(int memorySizeMb) {
      this.memorySizeMb = memorySizeMb;
      return this;
    }

    public Builder processingTimeoutSeconds(int processingTimeoutSeconds) {
      this.processingTimeoutSeconds = processingTimeoutSeconds;
      return this;
    }

    public Builder reservedConcurrency(int reservedConcurrency) {
      this.reservedConcurrency = reservedConcurrency;
      return this;
    }

    public Builder retryAttempts(int retryAttempts) {
      this.retryAttempts = retryAttempts;
      return this;
    }

    public Builder maxEventAgeSeconds(int maxEventAgeSeconds) {
      this.maxEventAgeSeconds = maxEventAgeSeconds;
      return this;
    }

    public Builder logRetentionDays(int logRetentionDays) {
      this.logRetentionDays = logRetentionDays;
      return this;
    }

    public Builder archiveRetentionDays(int archiveRetentionDays) {
      this.archiveRetentionDays = archiveRetentionDays;
      return this;
    }

    public Builder jobRetentionDays(int jobRetentionDays) {
      this.jobRetentionDays = jobRetentionDays;
      return this;
    }

    public Builder replayRetryAttempts(int replayRetryAttempts) {
      this.replayRetryAttempts = replayRetryAttempts;
      return this;
    }

    public Builder replayMaxEventAgeSeconds(int replayMaxEventAgeSeconds) {
      this.replayMaxEventAgeSeconds = replayMaxEventAgeSeconds;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first prop out of its range
     */
    public JobsStackProps build() {
      return new JobsStackProps(
          stackName,
          backendJar,
          stageName,
          invokePrincipals,
          memorySizeMb,
          processingTimeoutSeconds,
          reservedConcurrency,
          retryAttempts,
          maxEventAgeSeconds,
          logRetentionDays,
          archiveRetentionDays,
          jobRetentionDays,
          replayRetryAttempts,
          replayMaxEventAgeSeconds);
    }
  }

  /** Fails early, with the jar's path, instead of inside the CDK's asset staging. */
  void requireBackendJar() {
    if (!Files.isRegularFile(backendJar)) {
      throw new IllegalArgumentException(
          "the backend's Lambda artifact is missing: "
              + backendJar.toAbsolutePath()
              + " (build the backend module first: mvn package)");
    }
  }

  /** A prop against its setting's range. */
  private static void within(String prop, Setting setting, int value) {
    check(setting.allows(value), prop + " must be " + setting.range() + ", not " + value);
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
