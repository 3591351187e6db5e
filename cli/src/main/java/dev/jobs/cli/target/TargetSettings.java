package dev.jobs.cli.target;

import dev.jobs.cli.aws.WireLog;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.local.AutoStart;
import dev.jobs.cli.net.Network;
import dev.jobs.cli.net.Proxies;
import dev.jobs.cli.net.TrustedCas;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.options.TargetOptions;
import dev.jobs.cli.session.AssumedRoleCredentials;
import dev.jobs.cli.session.AwsClients;
import dev.jobs.cli.session.BaseCredentials;
import dev.jobs.cli.session.CredentialCache;
import dev.jobs.cli.session.HttpClients;
import dev.jobs.local.RuntimeFile;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import tools.jackson.databind.node.ObjectNode;

/**
 * The settings a command runs with, each taken from the flag, then the environment, then the
 * target, then a default. Values are resolved on first use, so a command given everything by flags
 * never reads the local runtime or the targets file.
 *
 * <p>For the built-in {@code local} target the endpoint, region and operator keys come from the
 * runtime's {@code runtime.json}, overridden by flags only: the AWS environment variables describe
 * the user's AWS account, not this machine's runtime.
 */
public final class TargetSettings {
  private final Environment environment;
  private final TargetOptions flags;
  private final WireLog wireLog;
  private final AutoStart autoStart;
  private String name;
  private TargetConfig config;
  private RuntimeFile runtime;
  private Target target;
  private AwsClients clients;
  private Setting region;
  private ProfileFile profileFile;
  private HttpClients.Workload workload = HttpClients.Workload.ONE_SHOT;
  private Network network;
  private SdkHttpClient http;

  /** Settings that never start the local runtime: they describe it, or fail without it. */
  public TargetSettings(Environment environment, TargetOptions flags, WireLog wireLog) {
    this(environment, flags, wireLog, null, null);
  }

  /** Settings of a job command, which starts the local runtime when it needs it and none runs. */
  public TargetSettings(
      Environment environment, TargetOptions flags, WireLog wireLog, AutoStart autoStart) {
    this(environment, flags, wireLog, null, autoStart);
  }

  /** Settings for a given target, such as one being added and not stored yet. */
  public TargetSettings(
      Environment environment, TargetOptions flags, WireLog wireLog, Target target) {
    this(environment, flags, wireLog, target, null);
  }

  private TargetSettings(
      Environment environment,
      TargetOptions flags,
      WireLog wireLog,
      Target target,
      AutoStart autoStart) {
    this.environment = environment;
    this.flags = flags;
    this.wireLog = wireLog;
    this.target = target;
    this.autoStart = autoStart;
    if (target != null) {
      this.name = target.name();
    }
  }

  public String name() {
    if (name == null) {
      name =
          first(flags.target, () -> environment.get("JOBS_TARGET").orElse(null))
              .or(() -> config().current())
              .orElse(TargetConfig.LOCAL);
    }
    return name;
  }

  public boolean isLocal() {
    return TargetConfig.LOCAL.equals(name());
  }

  TargetConfig config() {
    if (config == null) {
      config = TargetConfig.load(environment.configFile());
    }
    return config;
  }

  /** The running local runtime; fails saying why none runs (no file, or its process has exited). */
  RuntimeFile runtime() {
    if (runtime == null) {
      Path dataDir = environment.localDir();
      Optional<RuntimeFile> file = runtimeFile(dataDir);
      if (file.filter(RuntimeFile::isAlive).isEmpty() && startsLocalRuntime()) {
        autoStart.ensureRunning(dataDir);
        file = runtimeFile(dataDir);
      }
      RuntimeFile found =
          file.orElseThrow(() -> notRunning("no " + dataDir.resolve(RuntimeFile.NAME)));
      if (!found.isAlive()) {
        throw notRunning("its process " + found.pid() + " has exited");
      }
      runtime = found;
    }
    return runtime;
  }

  private static Optional<RuntimeFile> runtimeFile(Path dataDir) {
    try {
      return RuntimeFile.readChecked(dataDir);
    } catch (IOException e) {
      throw new JobsException(ExitCode.ERROR, e.getMessage(), e);
    }
  }

  private static JobsException notRunning(String why) {
    return new JobsException(
        ExitCode.ERROR,
        "the local runtime is not running (" + why + "); start it with: jobs local start");
  }

  /**
   * Whether a local runtime that does not run is started: for the job commands, unless {@code
   * JOBS_LOCAL_AUTOSTART=0}, or an endpoint or API URL given explicitly says where to go instead.
   */
  private boolean startsLocalRuntime() {
    return autoStart != null
        && first(flags.aws.endpointUrl).isEmpty()
        && first(flags.apiUrl, () -> environment.get("JOBS_API_URL").orElse(null)).isEmpty()
        && autoStart.enabled();
  }

  /** The stored target, or for {@code local} the runtime's stack outputs. */
  public Target target() {
    if (target == null) {
      target = isLocal() ? localTarget() : registered();
    }
    return target;
  }

  private Target registered() {
    return config()
        .find(name())
        .orElseThrow(
            () ->
                new JobsException(
                    ExitCode.USAGE,
                    "unknown target '"
                        + name()
                        + "'; add it with: jobs target add "
                        + name()
                        + " --stack-name STACK (see jobs target list)"));
  }

  public Region region() {
    return Region.of(regionSetting().value());
  }

  /**
   * Where the region came from, for errors: a region that does not fit the stack or the API fails
   * in ways that look like missing stacks or bad keys, so the message names its source.
   */
  public String regionSource() {
    return "region " + regionSetting().value() + " from " + regionSetting().source();
  }

  private Setting regionSetting() {
    if (region == null) {
      region =
          (isLocal()
                  ? Setting.first(
                      Setting.of("--region", flags.aws.region),
                      () -> Setting.of("the local runtime", runtime().region()))
                  : Setting.first(
                      Setting.of("--region", flags.aws.region),
                      () -> env("AWS_REGION"),
                      () -> env("AWS_DEFAULT_REGION"),
                      () -> Setting.of("target '" + name() + "'", target().region()),
                      () ->
                          Setting.of(
                              "profile '" + profileName() + "'",
                              profileSettings().flatMap(p -> p.property("region")).orElse(null))))
              .orElseThrow(
                  () ->
                      new JobsException(
                          ExitCode.USAGE,
                          "no region for target '"
                              + name()
                              + "'; pass --region or set AWS_REGION"));
    }
    return region;
  }

  /**
   * The error with the region's source named, when the region may be its cause: a stack looked for
   * in the wrong region does not exist, a request signed for it is refused, its host is unknown.
   */
  public JobsException withRegionSource(JobsException e) {
    return e.exitCode() == ExitCode.USAGE
        ? e
        : new JobsException(
            e.exitCode(), e.getMessage() + " (" + regionSource() + ")", e.getCause());
  }

  private Setting env(String variable) {
    return Setting.of(variable, environment.get(variable).orElse(null));
  }

  private String profileName() {
    return profile().orElse("default");
  }

  /**
   * The named profile's settings as the AWS CLI reads them; absent for a default profile that does
   * not exist. A profile named by a flag, {@code AWS_PROFILE} or the target must exist: otherwise
   * the SDK would only say that no credentials were found.
   */
  private Optional<Profile> profileSettings() {
    Optional<Profile> found = profileFile().profile(profileName());
    if (found.isEmpty() && profile().isPresent()) {
      throw missingProfile(profileName());
    }
    return found;
  }

  private ProfileFile profileFile() {
    if (profileFile == null) {
      try {
        profileFile = BaseCredentials.profileFilesOf(environment).get();
      } catch (SdkClientException | IllegalArgumentException | IllegalStateException e) {
        throw new JobsException(
            ExitCode.USAGE,
            "cannot read "
                + String.join(" or ", BaseCredentials.profileFileNames(environment))
                + ": "
                + e.getMessage(),
            e);
      }
    }
    return profileFile;
  }

  /** Exit 5, as every credentials problem: the profile was meant to give them. */
  private JobsException missingProfile(String name) {
    return new JobsException(
        ExitCode.CREDENTIALS,
        "profile '"
            + name
            + "' does not exist in "
            + String.join(" or ", BaseCredentials.profileFileNames(environment)));
  }

  public Optional<String> profile() {
    return isLocal()
        ? Optional.ofNullable(flags.aws.profile)
        : first(
            flags.aws.profile,
            () -> environment.get("AWS_PROFILE").orElse(null),
            () -> target().profile());
  }

  /** The endpoint of the AWS service calls; none means AWS's own. */
  public URI endpoint() {
    Optional<String> endpoint =
        isLocal()
            ? first(flags.aws.endpointUrl, () -> runtime().endpoint())
            : first(
                flags.aws.endpointUrl,
                () -> environment.get("AWS_ENDPOINT_URL").orElse(null),
                () -> target().endpointUrl());
    return endpoint.map(url -> uri(url, "--endpoint-url")).orElse(null);
  }

  /**
   * The endpoint of one AWS service, in the AWS CLI's order after the flag, the environment and the
   * target: {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL}, the target's endpoint,
   * then the profile's {@code services} section and its {@code endpoint_url}. The SDK would read
   * the environment and the profile itself, but only the process's own and the default profile, not
   * the one {@code --profile} names; so the code chooses, as for the region.
   *
   * @param service the SDK's service id, such as {@code STS} or {@code CloudFormation}
   */
  public URI endpoint(String service) {
    if (isLocal()) {
      return endpoint();
    }
    String variable = "AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT).replace(' ', '_');
    String key = service.toLowerCase(Locale.ROOT).replace(' ', '_');
    boolean configured =
        !environment
            .get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            .map("true"::equalsIgnoreCase)
            .orElse(false);
    Optional<String> endpoint =
        first(
            flags.aws.endpointUrl,
            () -> configured ? environment.get(variable).orElse(null) : null,
            () -> configured ? environment.get("AWS_ENDPOINT_URL").orElse(null) : null,
            () -> target().endpointUrl(),
            () -> configured ? profileEndpoint(key) : null);
    return endpoint.map(url -> uri(url, "--endpoint-url")).orElse(null);
  }

  private String profileEndpoint(String service) {
    Optional<Profile> profile = profileSettings();
    if (profile.isEmpty()
        || profile.get().booleanProperty("ignore_configured_endpoint_urls").orElse(false)) {
      return null;
    }
    return profile
        .get()
        .property("services")
        .flatMap(section -> profileFile().getSection("services", section))
        .flatMap(services -> services.property(service + ".endpoint_url"))
        .or(() -> profile.get().property("endpoint_url"))
        .orElse(null);
  }

  public URI apiUrl() {
    return first(
            flags.apiUrl,
            () -> environment.get("JOBS_API_URL").orElse(null),
            () -> target().apiUrl())
        .map(url -> uri(url, "--api-url"))
        .orElseThrow(() -> missing("an API URL", "--api-url"));
  }

  /** The role to assume for the API; none means calling it with the base credentials. */
  public Optional<String> roleArn() {
    return first(
        flags.roleArn,
        () -> environment.get("JOBS_ROLE_ARN").orElse(null),
        () -> target().invokeRoleArn());
  }

  public String eventBusArn() {
    return Optional.ofNullable(target().eventBusArn())
        .orElseThrow(() -> missing("an event bus ARN (output EventBusArn)", null));
  }

  public String archiveName() {
    return Optional.ofNullable(target().archiveName())
        .orElseThrow(() -> missing("an archive name (output ArchiveName)", null));
  }

  public String replayRuleArn() {
    return Optional.ofNullable(target().replayRuleArn())
        .orElseThrow(() -> missing("a replay rule ARN (output ReplayRuleArn)", null));
  }

  public BaseCredentials baseCredentials() {
    Optional<String> profile = profile();
    if (profile.isPresent()) {
      return profileCredentials(profile.get(), new HashSet<>());
    }
    if (isLocal()) {
      return BaseCredentials.operatorKeys(runtime().accessKeyId(), runtime().secretAccessKey());
    }
    return BaseCredentials.defaultChain(environment);
  }

  /**
   * A profile's credentials. A profile with {@code role_arn} and {@code source_profile} is assumed
   * here, through this target's STS endpoint: the SDK would build its own STS client, which knows
   * neither the profile's {@code endpoint_url} nor the region chosen here. Every other kind ({@code
   * credential_process}, SSO, keys) is the SDK's.
   */
  private BaseCredentials profileCredentials(String name, Set<String> seen) {
    Profile settings = profileFile().profile(name).orElseThrow(() -> missingProfile(name));
    Optional<String> role = settings.property("role_arn");
    Optional<String> source = settings.property("source_profile");
    if (role.isEmpty() || source.isEmpty() || source.get().equals(name)) {
      return BaseCredentials.profile(environment, name);
    }
    if (!seen.add(name)) {
      throw new JobsException(
          ExitCode.USAGE, "profile '" + name + "' is its own source_profile through " + seen);
    }
    BaseCredentials sourceCredentials = profileCredentials(source.get(), seen);
    String scope = region().id() + "|" + endpoint("STS");
    AssumedRoleCredentials assumed =
        new AssumedRoleCredentials(
            role.get(),
            sourceCredentials,
            () -> clients().sts(sourceCredentials.provider()),
            new CredentialCache(environment.cacheDir().resolve("credentials")),
            scope,
            environment.clock());
    return new BaseCredentials(
        assumed,
        "profile '"
            + name
            + "' (role "
            + role.get()
            + " assumed with "
            + sourceCredentials.description()
            + ")",
        "role:" + role.get() + "|" + sourceCredentials.identity());
  }

  public AwsClients clients() {
    if (clients == null) {
      clients = new AwsClients(region(), this::endpoint, wireLog, http());
    }
    return clients;
  }

  /** Says how the command uses the network, before its first call: see {@link HttpClients}. */
  public TargetSettings workload(HttpClients.Workload workload) {
    this.workload = workload;
    return this;
  }

  /** The command's one HTTP client, for its AWS clients and the jobs API alike. */
  public SdkHttpClient http() {
    if (http == null) {
      http = HttpClients.create(network(), workload);
    }
    return http;
  }

  /**
   * The timeouts from the flags, the proxies from the environment, and the CA bundle: {@code
   * AWS_CA_BUNDLE}, else the profile's {@code ca_bundle}, as the AWS CLI takes them.
   */
  public Network network() {
    if (network == null) {
      if (flags.aws.connectTimeout != null) {
        Durations.notNegative("--connect-timeout", flags.aws.connectTimeout);
      }
      if (flags.aws.readTimeout != null) {
        Durations.notNegative("--read-timeout", flags.aws.readTimeout);
      }
      network =
          new Network(
              flags.aws.connectTimeout,
              flags.aws.readTimeout,
              Proxies.of(environment.variables()),
              () ->
                  caBundle()
                      .map(bundle -> TrustedCas.withBundle(path(bundle.value()), bundle.source())));
    }
    return network;
  }

  private Optional<Setting> caBundle() {
    return Setting.first(
        env("AWS_CA_BUNDLE"),
        () ->
            isLocal() && profile().isEmpty()
                ? null
                : Setting.of(
                    "profile '" + profileName() + "'",
                    profileSettings().flatMap(p -> p.property("ca_bundle")).orElse(null)));
  }

  /** A path from a setting, with {@code ~} as the AWS CLI expands it. */
  private Path path(String value) {
    if (value.equals("~") || value.startsWith("~/")) {
      return environment.home().resolve(value.substring(Math.min(2, value.length())));
    }
    return Path.of(value);
  }

  /**
   * The local stack's outputs, cached per runtime process: they cannot change while it runs, and
   * asking CloudFormation on every command would double the time of a {@code jobs get}.
   */
  private Target localTarget() {
    RuntimeFile local = runtime();
    String stack = local.stackName();
    String key = local.endpoint() + "|" + local.pid() + "|" + stack;
    Path cacheFile = environment.cacheDir().resolve("local-outputs.json");
    Map<String, String> outputs = readCachedOutputs(cacheFile, key);
    if (outputs == null) {
      AwsClients localClients =
          new AwsClients(
              Region.of(local.region()),
              service -> uri(local.endpoint(), "endpoint"),
              wireLog,
              http());
      outputs =
          StackOutputs.describe(
              localClients.cloudFormation(
                  BaseCredentials.operatorKeys(local.accessKeyId(), local.secretAccessKey())
                      .provider()),
              stack);
      writeCachedOutputs(cacheFile, key, outputs);
    }
    return Target.fromOutputs(
        TargetConfig.LOCAL, stack, local.region(), null, local.endpoint(), outputs);
  }

  private static Map<String, String> readCachedOutputs(Path file, String key) {
    try {
      JsonNode cached = Json.parse(Files.readAllBytes(file));
      if (!key.equals(Json.text(cached, "key"))) {
        return null;
      }
      Map<String, String> outputs = new LinkedHashMap<>();
      Json.object(cached, "outputs")
          .forEach((name, value) -> outputs.put(name, value.isString() ? value.asString() : null));
      return outputs.isEmpty() ? null : outputs;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void writeCachedOutputs(Path file, String key, Map<String, String> outputs) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), ".outputs", ".tmp");
      ObjectNode cached = Json.mapper().createObjectNode();
      cached.put("key", key);
      ObjectNode values = cached.putObject("outputs");
      outputs.forEach(values::put);
      Files.write(temp, Json.mapper().writeValueAsBytes(cached));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Only a cache: the next command asks CloudFormation again.
    }
  }

  private JobsException missing(String what, String flag) {
    return new JobsException(
        ExitCode.USAGE,
        "target '"
            + name()
            + "' has no "
            + what
            + (flag == null ? "" : "; pass " + flag)
            + (isLocal() ? "" : " or refresh it with: jobs target add " + name() + " ..."));
  }

  static URI uri(String url, String what) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(url, "needs a scheme and a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new JobsException(ExitCode.USAGE, what + " '" + url + "' is not a URL");
    }
  }

  @SafeVarargs
  static Optional<String> first(String flag, Supplier<String>... sources) {
    if (flag != null && !flag.isBlank()) {
      return Optional.of(flag);
    }
    for (Supplier<String> source : sources) {
      String value = source.get();
      if (value != null && !value.isBlank()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
