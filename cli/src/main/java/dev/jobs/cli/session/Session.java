package dev.jobs.cli.session;

import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.api.RetryPolicy;
import dev.jobs.cli.aws.WireLog;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.local.AutoStart;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.options.TargetOptions;
import dev.jobs.cli.target.TargetSettings;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * One command's connection to its target: settings, credentials and clients, each made on first use
 * and once.
 */
public final class Session {
  private final Environment environment;
  private final OutputOptions output;
  private final PrintWriter out;
  private final PrintWriter err;
  private final WireLog wireLog;
  private final TargetSettings settings;
  private BaseCredentials base;
  private JobsClient api;
  private EventBridgeClient eventBridge;
  private CloudWatchClient cloudWatch;

  public Session(
      Environment environment,
      TargetOptions target,
      OutputOptions output,
      PrintWriter out,
      PrintWriter err,
      HttpClients.Workload workload) {
    this.environment = environment;
    this.output = output;
    this.out = out;
    this.err = err;
    this.wireLog = output.debug() ? new WireLog(err) : null;
    this.settings =
        new TargetSettings(
                environment, target, wireLog, new AutoStart(environment, err, output.quiet()))
            .workload(workload);
  }

  public static Session of(
      Environment environment, CommandSpec spec, TargetOptions target, OutputOptions output) {
    // The command under jobs: "wait" for jobs wait, "replays" for jobs replays list.
    String[] words = spec.qualifiedName().split(" ");
    return new Session(
        environment,
        target,
        output,
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        HttpClients.Workload.of(words.length > 1 ? words[1] : ""));
  }

  public Environment environment() {
    return environment;
  }

  public OutputOptions output() {
    return output;
  }

  public boolean json() {
    return output.json(environment);
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public TargetSettings settings() {
    return settings;
  }

  public AwsClients clients() {
    return settings.clients();
  }

  public BaseCredentials baseCredentials() {
    if (base == null) {
      base = settings.baseCredentials();
    }
    return base;
  }

  public JobsClient api() {
    if (api == null) {
      Optional<String> role = settings.roleArn();
      AwsCredentialsProvider credentials;
      String description;
      if (role.isPresent()) {
        BaseCredentials baseCredentials = baseCredentials();
        String scope = settings.region().id() + "|" + settings.endpoint("STS");
        credentials =
            new AssumedRoleCredentials(
                role.get(),
                baseCredentials,
                () -> clients().sts(baseCredentials.provider()),
                new CredentialCache(environment.cacheDir().resolve("credentials")),
                scope,
                environment.clock());
        description =
            "role " + role.get() + " (assumed with " + baseCredentials.description() + ")";
      } else {
        credentials = baseCredentials().provider();
        description = baseCredentials().description();
      }
      api =
          new JobsClient(
              settings.apiUrl(),
              settings.region().id(),
              credentials,
              description + ", signed for " + settings.regionSource(),
              settings.http(),
              RetryPolicy.DEFAULT,
              environment,
              wireLog);
    }
    return api;
  }

  /** CloudWatch with the caller's own credentials: the invoke role may only call the API. */
  public CloudWatchClient cloudWatch() {
    if (cloudWatch == null) {
      cloudWatch = clients().cloudWatch(baseCredentials().provider());
    }
    return cloudWatch;
  }

  /** EventBridge with the caller's own credentials: the invoke role may only call the API. */
  public EventBridgeClient eventBridge() {
    if (eventBridge == null) {
      eventBridge = clients().eventBridge(baseCredentials().provider());
    }
    return eventBridge;
  }
}
