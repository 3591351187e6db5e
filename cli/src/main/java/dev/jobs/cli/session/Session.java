package dev.jobs.cli.session;

import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.api.RetryPolicy;
import dev.jobs.cli.aws.WireLog;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.local.AutoStart;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.options.TargetOptions;
import dev.jobs.cli.output.Printer;
import dev.jobs.cli.target.LocalOutputs;
import dev.jobs.cli.target.StackOutputs;
import dev.jobs.cli.target.Target;
import dev.jobs.cli.target.TargetSettings;
import dev.jobs.local.RuntimeFile;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One command's connection to its target: the settings resolved, the caller's credentials, and
 * every client the command calls (the jobs API's and the AWS SDK's), each made on first use and
 * once. The only place that builds clients: a command asks its session.
 */
public final class Session {
  private final Environment environment;
  private final OutputOptions output;
  private final PrintWriter out;
  private final PrintWriter err;
  private final WireLog wireLog;
  private final HttpClients.Workload workload;
  private final TargetSettings settings;
  private Printer printer;
  private SdkHttpClient http;
  private AwsClients clients;
  private BaseCredentials base;
  private JobsClient api;

  /** The clients with the caller's own credentials, by type: each made once, on first use. */
  private final Map<Class<?>, SdkClient> own = new HashMap<>();

  /** A job command's session, which starts the local runtime when it needs it and none runs. */
  public Session(
      Environment environment,
      TargetOptions target,
      OutputOptions output,
      PrintWriter out,
      PrintWriter err,
      HttpClients.Workload workload) {
    this(environment, target, null, true, output, out, err, workload);
  }

  private Session(
      Environment environment,
      TargetOptions flags,
      Target target,
      boolean autoStart,
      OutputOptions output,
      PrintWriter out,
      PrintWriter err,
      HttpClients.Workload workload) {
    this.environment = environment;
    this.output = output;
    this.out = out;
    this.err = err;
    this.workload = workload;
    this.wireLog = output.debug() ? new WireLog(err) : null;
    this.settings =
        new TargetSettings(
            environment,
            flags,
            target,
            autoStart ? new AutoStart(environment, err, output.quiet()) : null,
            new LocalStackOutputs());
  }

  /** The session of a job command, as picocli parsed it. */
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

  /**
   * A session that never starts the local runtime: for a target not stored yet ({@code target}
   * non-null, such as one being added or deployed), or one that is only described.
   */
  public static Session describing(
      Environment environment,
      TargetOptions flags,
      Target target,
      OutputOptions output,
      PrintWriter out,
      PrintWriter err,
      HttpClients.Workload workload) {
    return new Session(environment, flags, target, false, output, out, err, workload);
  }

  public Environment environment() {
    return environment;
  }

  public OutputOptions output() {
    return output;
  }

  /** The run's printer, in the format its flags and environment chose. */
  public Printer printer() {
    if (printer == null) {
      printer = Printer.of(output, environment, out);
    }
    return printer;
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

  /** The caller's own credentials (a profile, the local runtime's keys, the default chain). */
  public BaseCredentials baseCredentials() {
    if (base == null) {
      base = CallerCredentials.of(environment, settings, this);
    }
    return base;
  }

  /** The jobs API, signed with the invoke role when the target has one, else as the caller. */
  public JobsClient api() {
    if (api == null) {
      Optional<String> role = settings.roleArn();
      AwsCredentialsProvider credentials;
      String description;
      if (role.isPresent()) {
        BaseCredentials baseCredentials = baseCredentials();
        credentials =
            CallerCredentials.assumed(environment, settings, role.get(), baseCredentials, this);
        description =
            "role " + role.get() + " (assumed with " + baseCredentials.description() + ")";
      } else {
        credentials = baseCredentials().provider();
        description = baseCredentials().description();
      }
      api =
          new JobsClient(
              settings.apiUrl(),
              new JobsClient.Signer(
                  settings.region().id(),
                  credentials,
                  description + ", signed for " + settings.regionSource()),
              http(),
              RetryPolicy.DEFAULT,
              environment,
              wireLog);
    }
    return api;
  }

  /** CloudWatch with the caller's own credentials: the invoke role may only call the API. */
  public CloudWatchClient cloudWatch() {
    return own(CloudWatchClient.class, AwsClients::cloudWatch);
  }

  /** CloudWatch Logs with the caller's own credentials: the invoke role may only call the API. */
  public CloudWatchLogsClient logs() {
    return own(CloudWatchLogsClient.class, AwsClients::logs);
  }

  /** EventBridge with the caller's own credentials: the invoke role may only call the API. */
  public EventBridgeClient eventBridge() {
    return own(EventBridgeClient.class, AwsClients::eventBridge);
  }

  /** CloudFormation with the caller's own credentials: for deploys and for stacks' outputs. */
  public CloudFormationClient cloudFormation() {
    return own(CloudFormationClient.class, AwsClients::cloudFormation);
  }

  /** S3 with the caller's own credentials, for a deploy's assets. */
  public S3Client s3() {
    return own(S3Client.class, AwsClients::s3);
  }

  /** Lambda with the caller's own credentials, for the account's concurrency. */
  public LambdaClient lambda() {
    return own(LambdaClient.class, AwsClients::lambda);
  }

  private <C extends SdkClient> C own(
      Class<C> type, BiFunction<AwsClients, AwsCredentialsProvider, C> make) {
    SdkClient client = own.get(type);
    if (client == null) {
      client = make.apply(clients(), baseCredentials().provider());
      own.put(type, client);
    }
    return type.cast(client);
  }

  /** Whether the caller's credentials were resolved already: an error may then name them. */
  public boolean hasBaseCredentials() {
    return base != null;
  }

  /** STS signed with these credentials, through the target's STS endpoint. */
  StsClient sts(AwsCredentialsProvider credentials) {
    return clients().sts(credentials);
  }

  /** The account of the caller's own credentials. */
  public String account() {
    return clients().sts(baseCredentials().provider()).getCallerIdentity(b -> {}).account();
  }

  private AwsClients clients() {
    if (clients == null) {
      clients = new AwsClients(settings.region(), settings::endpoint, wireLog, http());
    }
    return clients;
  }

  /** The command's one HTTP client, for its AWS clients and the jobs API alike. */
  private SdkHttpClient http() {
    if (http == null) {
      http = HttpClients.create(settings.network(), workload);
    }
    return http;
  }

  /** The local runtime's stack outputs, read with its operator keys from its endpoint. */
  private final class LocalStackOutputs implements LocalOutputs {
    @Override
    public Map<String, String> of(RuntimeFile local) {
      return localOutputs(local);
    }
  }

  private Map<String, String> localOutputs(RuntimeFile local) {
    AwsClients localClients =
        new AwsClients(
            Region.of(local.region()),
            service -> TargetSettings.uri(local.endpoint(), "endpoint"),
            wireLog,
            http());
    return StackOutputs.describe(
        localClients.cloudFormation(
            BaseCredentials.operatorKeys(local.accessKeyId(), local.secretAccessKey()).provider()),
        local.stackName());
  }
}
