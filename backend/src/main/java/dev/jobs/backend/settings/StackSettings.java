package dev.jobs.backend.settings;

import java.util.List;

/**
 * The one source of the stack's tunables, their defaults and ranges: infra's {@code
 * StackParameters} declares its CloudFormation parameters from them, {@code jobs local start}
 * checks its flags against them, and {@code jobs deploy} its {@code --parameters}. The {@code
 * DEFAULT_*} constants are compile-time constants so that picocli annotations can name them.
 */
public final class StackSettings {
  public static final int DEFAULT_TIMEOUT_SECONDS = 900;
  public static final int DEFAULT_RETRY_ATTEMPTS = 0;
  public static final int DEFAULT_MAX_EVENT_AGE_SECONDS = 21600;

  /** The processing function's timeout: Lambda's limit is 15 minutes. */
  public static final Setting PROCESSING_TIMEOUT_SECONDS =
      new Setting("ProcessingTimeoutSeconds", DEFAULT_TIMEOUT_SECONDS, 1, 900);

  /**
   * The processing function's reserved concurrency; 0 reserves none. None by default: Lambda keeps
   * 100 of an account's concurrency unreserved, and a new account's limit can be far below 200, so
   * any default reservation could fail a first deploy.
   */
  public static final Setting PROCESSING_RESERVED_CONCURRENCY =
      new Setting("ProcessingReservedConcurrency", 0, 0, Setting.UNBOUNDED);

  /** Lambda's asynchronous retries: 0 to 2. */
  public static final Setting PROCESSING_RETRY_ATTEMPTS =
      new Setting("ProcessingRetryAttempts", DEFAULT_RETRY_ATTEMPTS, 0, 2);

  /** Lambda's maximum event age: 60 seconds to 6 hours. */
  public static final Setting PROCESSING_MAX_EVENT_AGE_SECONDS =
      new Setting("ProcessingMaxEventAgeSeconds", DEFAULT_MAX_EVENT_AGE_SECONDS, 60, 21600);

  /** The failed-jobs archive's retention; 0 keeps events indefinitely, as EventBridge does. */
  public static final Setting ARCHIVE_RETENTION_DAYS =
      new Setting("ArchiveRetentionDays", 0, 0, Setting.UNBOUNDED);

  /** How long a job record is kept after its last change: the table's TTL. */
  public static final Setting JOB_RETENTION_DAYS =
      new Setting("JobRetentionDays", 30, 1, Setting.UNBOUNDED);

  /**
   * The processing function's errors in five minutes that raise the jobs-failing alarm. A failed
   * job is an error; 1 by default, so that the first failure reaches the operator before a user.
   */
  public static final Setting JOB_ERRORS_ALARM_THRESHOLD =
      new Setting("JobErrorsAlarmThreshold", 1, 1, Setting.UNBOUNDED);

  /**
   * The age of an asynchronous event waiting for a run that raises the jobs-late alarm, in
   * milliseconds (Lambda's unit for it): 10 minutes by default, at most the longest event age.
   */
  public static final Setting EVENT_AGE_ALARM_MILLIS =
      new Setting("EventAgeAlarmMillis", 600_000, 1_000, 21_600_000);

  /** The API's p99 latency that raises the edge alarm, in milliseconds: at most its 29 s limit. */
  public static final Setting API_LATENCY_ALARM_MILLIS =
      new Setting("ApiLatencyAlarmMillis", 3_000, 1, 29_000);

  /** How full the processing function's reservation is, in percent, that raises its alarm. */
  public static final Setting CONCURRENCY_ALARM_PERCENT =
      new Setting("ConcurrencyAlarmPercent", 90, 1, 100);

  /**
   * The API stage's steady request rate, per second, over all callers: API Gateway answers 429
   * beyond it (the CLI retries with backoff). At most the account's default regional quota, 10,000
   * a second, above which a stage limit has no effect.
   */
  public static final Setting API_THROTTLING_RATE_LIMIT =
      new Setting("ApiThrottlingRateLimit", 1_000, 1, 10_000);

  /**
   * The API stage's burst, in requests: the token bucket's size, so a quiet API takes this many at
   * once before the rate applies. At most the account's default regional burst quota, 5,000.
   */
  public static final Setting API_THROTTLING_BURST_LIMIT =
      new Setting("ApiThrottlingBurstLimit", 2_000, 1, 5_000);

  /**
   * The requests one IP address may make in five minutes before the web ACL's rate rule answers it
   * 429 (only with {@link #WAF_ENABLED_PARAMETER} true). 10,000 (33 a second) lets a host submit a
   * batch of jobs and poll them, and stops a flood from one address long before the stage's limit
   * shuts out everyone; WAF takes 10 to 2,000,000,000.
   */
  public static final Setting WAF_RATE_LIMIT_PER_IP =
      new Setting("WafRateLimitPerIp", 10_000, 10, 2_000_000_000);

  /**
   * Whether an AWS WAF web ACL filters the API: off by default, since a web ACL costs a monthly fee
   * per ACL and rule plus a charge per request, a choice for the account's owner.
   */
  public static final String WAF_ENABLED_PARAMETER = "WafEnabled";

  /** The values of {@link #WAF_ENABLED_PARAMETER}, the first the default. */
  public static final List<String> WAF_ENABLED_VALUES = List.of("false", "true");

  /** The log groups' retention: one of the values CloudWatch Logs accepts, not a range. */
  public static final String LOG_RETENTION_PARAMETER = "LogRetentionDays";

  public static final int DEFAULT_LOG_RETENTION_DAYS = 365;

  /** The retentions CloudWatch Logs accepts. */
  public static final List<Integer> LOG_RETENTION_DAYS =
      List.of(
          1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
          2922, 3288, 3653);

  /** Every ranged setting, in the order the stack declares its parameters. */
  public static final List<Setting> RANGED =
      List.of(
          PROCESSING_TIMEOUT_SECONDS,
          PROCESSING_RESERVED_CONCURRENCY,
          PROCESSING_RETRY_ATTEMPTS,
          PROCESSING_MAX_EVENT_AGE_SECONDS,
          ARCHIVE_RETENTION_DAYS,
          JOB_RETENTION_DAYS,
          JOB_ERRORS_ALARM_THRESHOLD,
          EVENT_AGE_ALARM_MILLIS,
          API_LATENCY_ALARM_MILLIS,
          CONCURRENCY_ALARM_PERCENT,
          API_THROTTLING_RATE_LIMIT,
          API_THROTTLING_BURST_LIMIT,
          WAF_RATE_LIMIT_PER_IP);

  /**
   * The invoke role's maximum session, in seconds: IAM's default, made explicit. The CLI asks for
   * exactly this, and the local STS refuses longer, with AWS's error.
   */
  public static final int INVOKE_ROLE_MAX_SESSION_SECONDS = 3600;

  /** The shortest session STS's AssumeRole grants. */
  public static final int MIN_SESSION_SECONDS = 900;

  private StackSettings() {}

  /**
   * The values a stack parameter of a few allowed values takes ({@code LogRetentionDays}, {@code
   * WafEnabled}), as CloudFormation compares them: text.
   */
  public static java.util.Optional<List<String>> choicesOf(String parameter) {
    if (parameter.equals(LOG_RETENTION_PARAMETER)) {
      return java.util.Optional.of(LOG_RETENTION_DAYS.stream().map(String::valueOf).toList());
    }
    if (parameter.equals(WAF_ENABLED_PARAMETER)) {
      return java.util.Optional.of(WAF_ENABLED_VALUES);
    }
    return java.util.Optional.empty();
  }

  /** The ranged setting of a stack parameter, if it is one. */
  public static java.util.Optional<Setting> byParameter(String parameter) {
    return RANGED.stream().filter(s -> s.parameter().equals(parameter)).findFirst();
  }
}
