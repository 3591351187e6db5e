package dev.jobs.infra;

import dev.jobs.backend.settings.Setting;
import dev.jobs.backend.settings.StackSettings;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;

/**
 * The tunables a user changes at deploy time without rebuilding, as CloudFormation parameters whose
 * names and ranges come from the backend's {@link StackSettings} (which the local runtime's flags
 * share) and whose defaults come from {@link JobsStackProps}. Their logical ids are a contract with
 * {@code jobs deploy}.
 */
final class StackParameters {
  static final String ALARM_EMAIL = "AlarmEmail";

  /** The parameter {@code jobs deploy --kinds} sets: a contract with the CLI. */
  static final String KINDS_LAYER_KEY = "KindsLayerKey";

  static final String PROCESSING_POLICY_ARNS = "ProcessingPolicyArns";

  /** Set by {@code jobs deploy --kinds} too: the types the deployed functions serve. */
  static final String JOB_TYPES = "JobTypes";

  /**
   * The backend's built-in kinds, {@code SleepJob} and {@code FlakyJob} (infra has no kinds on its
   * class path; the CLI's tests check this against theirs).
   */
  static final String BUILT_IN_JOB_TYPES = "sleep,flaky";

  final CfnParameter processingTimeout;
  final CfnParameter reservedConcurrency;
  final CfnParameter retryAttempts;
  final CfnParameter maxEventAge;
  final CfnParameter logRetention;
  final CfnParameter archiveRetention;
  final CfnParameter jobRetention;
  final CfnParameter kindsLayerKey;
  final CfnParameter processingPolicyArns;
  final CfnParameter jobTypes;
  final CfnParameter jobErrorsAlarm;
  final CfnParameter eventAgeAlarm;
  final CfnParameter apiLatencyAlarm;
  final CfnParameter concurrencyAlarm;
  final CfnParameter alarmEmail;
  final CfnParameter throttlingRate;
  final CfnParameter throttlingBurst;
  final CfnParameter wafEnabled;
  final CfnParameter wafRateLimit;

  /** True when {@code AlarmEmail} names an address to subscribe to the alarm topic. */
  final CfnCondition hasAlarmEmail;

  /** True when {@code WafEnabled} is {@code true}: the web ACL and its association exist. */
  final CfnCondition hasWebAcl;

  /** True when {@code ProcessingReservedConcurrency} asks for a reservation (is not 0). */
  final CfnCondition reservesConcurrency;

  StackParameters(Stack stack, JobsStackProps props) {
    processingTimeout =
        number(
            stack,
            StackSettings.PROCESSING_TIMEOUT_SECONDS,
            props.processingTimeoutSeconds(),
            "Timeout of the processing function, in seconds (at most 15 minutes).");
    reservedConcurrency =
        number(
            stack,
            StackSettings.PROCESSING_RESERVED_CONCURRENCY,
            props.reservedConcurrency(),
            "Reserved concurrency of the processing function: how many jobs run at once; 0"
                + " reserves none (the account's unreserved concurrency bounds them).");
    reservesConcurrency =
        CfnCondition.Builder.create(stack, "ReservesProcessingConcurrency")
            .expression(
                Fn.conditionNot(Fn.conditionEquals(reservedConcurrency.getValueAsString(), "0")))
            .build();
    retryAttempts =
        number(
            stack,
            StackSettings.PROCESSING_RETRY_ATTEMPTS,
            props.retryAttempts(),
            "Asynchronous retries of a failed job before it goes to the error handler.");
    maxEventAge =
        number(
            stack,
            StackSettings.PROCESSING_MAX_EVENT_AGE_SECONDS,
            props.maxEventAgeSeconds(),
            "How long a job may wait for a run, in seconds, before it fails as EventAgeExceeded.");
    logRetention =
        CfnParameter.Builder.create(stack, StackSettings.LOG_RETENTION_PARAMETER)
            .type("Number")
            // A string, as the allowed values are: CloudFormation compares them as text.
            .defaultValue(String.valueOf(props.logRetentionDays()))
            .allowedValues(StackSettings.LOG_RETENTION_DAYS.stream().map(String::valueOf).toList())
            .description("Retention of the API access logs and the functions' logs, in days.")
            .build();
    archiveRetention =
        number(
            stack,
            StackSettings.ARCHIVE_RETENTION_DAYS,
            props.archiveRetentionDays(),
            "Retention of the failed-jobs archive, in days; 0 keeps events indefinitely.");
    jobRetention =
        number(
            stack,
            StackSettings.JOB_RETENTION_DAYS,
            props.jobRetentionDays(),
            "How long a job record is kept after its last change, in days (the table's TTL).");
    kindsLayerKey =
        optionalText(
            stack,
            KINDS_LAYER_KEY,
            // The content-hashed key `jobs deploy --kinds` gives the layer's zip.
            "[A-Za-z0-9._/-]+\\.zip",
            "Key in the asset bucket of a Lambda layer zip with your own job kinds' jars"
                + " (java/lib/*.jar); empty for none. Set by jobs deploy --kinds.");
    processingPolicyArns =
        CfnParameter.Builder.create(stack, PROCESSING_POLICY_ARNS)
            .type("CommaDelimitedList")
            .defaultValue("")
            .description(
                "Managed policy ARNs for the processing function's role, for the work of your own"
                    + " job kinds (comma-separated); empty for none.")
            .build();
    jobTypes =
        CfnParameter.Builder.create(stack, JOB_TYPES)
            .type("CommaDelimitedList")
            .defaultValue(BUILT_IN_JOB_TYPES)
            .description(
                "The job types the API accepts, the built-in kinds and your own (comma-separated):"
                    + " an unknown type is refused at once, naming these. Set by jobs deploy"
                    + " --kinds.")
            .build();
    jobErrorsAlarm =
        number(
            stack,
            StackSettings.JOB_ERRORS_ALARM_THRESHOLD,
            StackSettings.JOB_ERRORS_ALARM_THRESHOLD.defaultValue(),
            "Failed job runs (processing function errors) in five minutes that raise an alarm.");
    eventAgeAlarm =
        number(
            stack,
            StackSettings.EVENT_AGE_ALARM_MILLIS,
            StackSettings.EVENT_AGE_ALARM_MILLIS.defaultValue(),
            "Age of a job waiting for a run, in milliseconds, that raises an alarm.");
    apiLatencyAlarm =
        number(
            stack,
            StackSettings.API_LATENCY_ALARM_MILLIS,
            StackSettings.API_LATENCY_ALARM_MILLIS.defaultValue(),
            "The API's p99 latency over five minutes, in milliseconds, that raises an alarm.");
    concurrencyAlarm =
        number(
            stack,
            StackSettings.CONCURRENCY_ALARM_PERCENT,
            StackSettings.CONCURRENCY_ALARM_PERCENT.defaultValue(),
            "Percent of the processing reservation in use that raises an alarm (only with a"
                + " reservation).");
    alarmEmail =
        optionalText(
            stack,
            ALARM_EMAIL,
            "[^@\\s]+@[^@\\s]+",
            "E-mail address subscribed to the alarm topic (confirm the mail AWS sends);"
                + " empty for none.");
    hasAlarmEmail =
        CfnCondition.Builder.create(stack, "HasAlarmEmail")
            .expression(Fn.conditionNot(Fn.conditionEquals(alarmEmail.getValueAsString(), "")))
            .build();
    throttlingRate =
        number(
            stack,
            StackSettings.API_THROTTLING_RATE_LIMIT,
            StackSettings.API_THROTTLING_RATE_LIMIT.defaultValue(),
            "Requests a second the API stage takes from all callers; beyond it API Gateway"
                + " answers 429.");
    throttlingBurst =
        number(
            stack,
            StackSettings.API_THROTTLING_BURST_LIMIT,
            StackSettings.API_THROTTLING_BURST_LIMIT.defaultValue(),
            "Requests the API stage takes at once before its rate limit applies.");
    wafEnabled =
        CfnParameter.Builder.create(stack, StackSettings.WAF_ENABLED_PARAMETER)
            .type("String")
            .defaultValue(StackSettings.WAF_ENABLED_VALUES.get(0))
            .allowedValues(StackSettings.WAF_ENABLED_VALUES)
            .description(
                "true to filter the API with an AWS WAF web ACL (AWS's core and known-bad-inputs"
                    + " rule groups, and a rate limit per IP address); WAF bills per ACL, rule"
                    + " and request.")
            .build();
    hasWebAcl =
        CfnCondition.Builder.create(stack, "HasWebAcl")
            .expression(Fn.conditionEquals(wafEnabled.getValueAsString(), "true"))
            .build();
    wafRateLimit =
        number(
            stack,
            StackSettings.WAF_RATE_LIMIT_PER_IP,
            StackSettings.WAF_RATE_LIMIT_PER_IP.defaultValue(),
            "Requests one IP address may make in five minutes before the web ACL answers it 429"
                + " (only with WafEnabled).");
  }

  /**
   * The processing function's {@code ReservedConcurrentExecutions}: the parameter, or no property
   * at all when it is 0 (Lambda would read a reservation of 0 as "never run").
   */
  Number reservedConcurrencyOrNone() {
    return Token.asNumber(
        Fn.conditionIf(
            reservesConcurrency.getLogicalId(),
            reservedConcurrency.getValueAsNumber(),
            Aws.NO_VALUE));
  }

  /**
   * A text naming every parameter that a published function version snapshots. Set as the version's
   * description (a change of which replaces the version), it makes a parameter change publish a new
   * version for the alias instead of leaving the alias on the old configuration.
   */
  String versionedConfiguration() {
    return Fn.join(
        " ",
        List.of(
            "timeout",
            processingTimeout.getValueAsString(),
            "retention",
            jobRetention.getValueAsString(),
            "kinds",
            kindsLayerKey.getValueAsString()));
  }

  /** A text parameter that is empty by default, and otherwise matches a pattern. */
  private static CfnParameter optionalText(
      Stack stack, String id, String pattern, String description) {
    return CfnParameter.Builder.create(stack, id)
        .type("String")
        .defaultValue("")
        .allowedPattern("^$|^" + pattern + "$")
        .description(description)
        .build();
  }

  /** A number parameter with its setting's name and range, and the props' default. */
  private static CfnParameter number(
      Stack stack, Setting setting, int defaultValue, String description) {
    CfnParameter.Builder builder =
        CfnParameter.Builder.create(stack, setting.parameter())
            .type("Number")
            .defaultValue(defaultValue)
            .minValue(setting.min())
            .description(description);
    if (setting.bounded()) {
      builder.maxValue(setting.max());
    }
    return builder.build();
  }
}
