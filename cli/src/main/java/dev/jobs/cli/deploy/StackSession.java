package dev.jobs.cli.deploy;

import dev.jobs.cli.aws.AwsErrors;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.options.TargetOptions;
import dev.jobs.cli.output.Confirmation;
import dev.jobs.cli.output.Poller;
import dev.jobs.cli.session.HttpClients;
import dev.jobs.cli.session.Session;
import dev.jobs.cli.target.Target;
import dev.jobs.cli.target.TargetConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * One {@code jobs deploy} or {@code jobs destroy}: the stack's target (stored, or a draft for a
 * first deploy), its session, which makes the clients, and where its progress goes.
 */
public final class StackSession {
  /** How often CloudFormation is polled while a change set or stack operation runs. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

  private final Environment environment;
  private final StackOptions options;
  private final String targetName;
  private final TargetConfig config;
  private final Session session;
  private final ProgressPrinter progress;
  private String account;

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
        Target.draft(
            name,
            options.stackName,
            stored == null ? null : stored.region(),
            stored == null ? null : stored.profile(),
            stored == null ? null : stored.endpointUrl());
    TargetOptions flags = new TargetOptions();
    flags.target = name;
    flags.aws = options.aws;
    this.session =
        Session.describing(
            environment, flags, draft, output, out, err, HttpClients.Workload.LONG_RUNNING);
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

  public Session session() {
    return session;
  }

  public String stackName() {
    return options.stackName;
  }

  public String region() {
    return session.settings().region().id();
  }

  public ProgressPrinter progress() {
    return progress;
  }

  /** Who deploys: the account of the caller's own credentials. */
  public String account() {
    if (account == null) {
      account = AwsCalls.call("sts:GetCallerIdentity", "the caller", session::account);
    }
    return account;
  }

  /** An AWS failure as one line; for credentials, which ones were tried. */
  public JobsException failure(SdkException e, String what) {
    JobsException failure = AwsErrors.translate(e, what);
    return session
        .settings()
        .withRegionSource(
            session.hasBaseCredentials()
                ? failure.triedWith(session.baseCredentials().description())
                : failure);
  }

  public StackDeployer deployer(Optional<Confirmation> confirmation) {
    return new StackDeployer(
        session.cloudFormation(),
        assets(),
        progress,
        confirmation,
        Poller.every(environment.clock(), environment.sleeper(), POLL_INTERVAL));
  }

  /** The asset bucket's uploads and deletion, with the caller's own credentials. */
  public AssetPublisher assets() {
    return new AssetPublisher(session.s3(), progress);
  }

  /** Lambda, for the account's concurrency before a deploy asks for a reservation. */
  public LambdaClient lambda() {
    return session.lambda();
  }

  /** The target for this stack, from its outputs, stored and made current. */
  public Target register(Map<String, String> outputs) {
    Target target =
        Target.fromOutputs(
            targetName,
            options.stackName,
            region(),
            session.settings().profile().orElse(null),
            Optional.ofNullable(session.settings().endpoint()).map(Object::toString).orElse(null),
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
