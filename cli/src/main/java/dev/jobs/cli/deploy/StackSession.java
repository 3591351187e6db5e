package dev.jobs.cli.deploy;

import dev.jobs.cli.aws.AwsErrors;
import dev.jobs.cli.aws.WireLog;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.options.TargetOptions;
import dev.jobs.cli.session.BaseCredentials;
import dev.jobs.cli.session.HttpClients;
import dev.jobs.cli.target.Target;
import dev.jobs.cli.target.TargetConfig;
import dev.jobs.cli.target.TargetSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS side of one {@code jobs deploy} or {@code jobs destroy}: the stack's target (stored, or a
 * draft for a first deploy), its region, credentials and account, and the clients, each made once.
 */
public final class StackSession {
  /** How often CloudFormation is polled while a change set or stack operation runs. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

  private final Environment environment;
  private final StackOptions options;
  private final String targetName;
  private final TargetConfig config;
  private final TargetSettings settings;
  private final ProgressPrinter progress;
  private BaseCredentials base;
  private String account;
  private CloudFormationClient cloudFormation;
  private S3Client s3;
  private LambdaClient lambda;

  public StackSession(
      Environment environment,
      StackOptions options,
      OutputOptions output,
      PrintWriter out,
      PrintWriter err) {
    this.environment = environment;
    this.options = options;
    String name = targetName(options.stackName);
    this.targetName = name;
    this.config = TargetConfig.load(environment.configFile());
    // A stack deployed before keeps its stored region, profile and endpoint unless flags say else.
    Target stored =
        config.find(name).filter(t -> options.stackName.equals(t.stackName())).orElse(null);
    Target draft =
        new Target(
            name,
            options.stackName,
            stored == null ? null : stored.region(),
            stored == null ? null : stored.profile(),
            stored == null ? null : stored.endpointUrl(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    TargetOptions flags = new TargetOptions();
    flags.target = name;
    flags.aws = options.aws;
    WireLog wireLog = output.debug() ? new WireLog(err) : null;
    this.settings =
        new TargetSettings(environment, flags, wireLog, draft)
            .workload(HttpClients.Workload.LONG_RUNNING);
    // Progress goes where the answer does not: stdout for text, stderr when stdout carries JSON
    // or, with -q, only the essential value; the redrawn counter only to stderr, a terminal.
    this.progress =
        new ProgressPrinter(
            output.json(environment) || output.quiet() ? err : out,
            err,
            output.progress(environment));
  }

  /** A stack's target is named after it; {@code local} belongs to the local runtime. */
  static String targetName(String stackName) {
    if (!stackName.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
      throw new JobsException(
          ExitCode.USAGE,
          "--stack-name must start with a letter and hold only letters, digits and hyphens"
              + " (at most 128), not '"
              + stackName
              + "'");
    }
    if (TargetConfig.LOCAL.equals(stackName)) {
      throw new JobsException(
          ExitCode.USAGE, "a stack named 'local' would shadow the built-in local target");
    }
    return stackName;
  }

  public String stackName() {
    return options.stackName;
  }

  public String region() {
    return settings.region().id();
  }

  public ProgressPrinter progress() {
    return progress;
  }

  TargetConfig config() {
    return config;
  }

  private BaseCredentials base() {
    if (base == null) {
      base = settings.baseCredentials();
    }
    return base;
  }

  /** Who deploys: the account of the caller's own credentials. */
  public String account() {
    if (account == null) {
      account =
          AwsCalls.call(
              "sts:GetCallerIdentity",
              "the caller",
              () -> settings.clients().sts(base().provider()).getCallerIdentity(b -> {}).account());
    }
    return account;
  }

  /** An AWS failure as one line; for credentials, which ones were tried. */
  public JobsException failure(SdkException e, String what) {
    JobsException failure = AwsErrors.translate(e, what);
    return settings.withRegionSource(
        base == null ? failure : failure.triedWith(base.description()));
  }

  CloudFormationClient cloudFormation() {
    if (cloudFormation == null) {
      cloudFormation = settings.clients().cloudFormation(base().provider());
    }
    return cloudFormation;
  }

  public LambdaClient lambda() {
    if (lambda == null) {
      lambda = settings.clients().lambda(base().provider());
    }
    return lambda;
  }

  public S3Client s3() {
    if (s3 == null) {
      s3 = settings.clients().s3(base().provider());
    }
    return s3;
  }

  public StackDeployer deployer(Optional<Confirmation> confirmation) {
    return new StackDeployer(
        cloudFormation(),
        new AssetPublisher(s3(), progress),
        progress,
        confirmation,
        duration -> environment.sleeper().sleep(duration),
        POLL_INTERVAL,
        environment.clock());
  }

  /** The target for this stack, from its outputs, stored and made current. */
  public Target register(Map<String, String> outputs) {
    Target target =
        Target.fromOutputs(
            targetName,
            options.stackName,
            region(),
            settings.profile().orElse(null),
            Optional.ofNullable(settings.endpoint()).map(Object::toString).orElse(null),
            outputs);
    config.put(target);
    config.use(target.name());
    config.save();
    return target;
  }

  /** Removes this stack's target; true when there was one. */
  public boolean unregister() {
    boolean removed = config.remove(targetName);
    if (removed) {
      config.save();
    }
    return removed;
  }

  /** Whether there is a person to ask: the process's console (stdin and stdout a terminal). */
  public Optional<Confirmation> confirmation() {
    return Confirmation.terminal();
  }
}
