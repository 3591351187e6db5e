package dev.jobs.cli.target;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.local.AutoStart;
import dev.jobs.cli.net.Network;
import dev.jobs.cli.net.Proxies;
import dev.jobs.cli.net.TrustedCas;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.options.TargetOptions;
import dev.jobs.local.RuntimeFile;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.regions.Region;

/**
 * The settings a command runs with, each taken from the flag, then the environment, then the
 * target, then a default. Values are resolved on first use, so a command given everything by flags
 * never reads the local runtime or the targets file. What the settings are read from has a class
 * each: the targets file ({@link TargetConfig}), the AWS profiles ({@link Profiles}), the local
 * runtime ({@link LocalTarget}).
 *
 * <p>For the built-in {@code local} target the endpoint, region and operator keys come from the
 * runtime's {@code runtime.json}, overridden by flags only: the AWS environment variables describe
 * the user's AWS account, not this machine's runtime.
 */
public final class TargetSettings {
  private final Environment environment;
  private final TargetOptions flags;
  private final Profiles profiles;
  private final LocalTarget local;
  private String name;
  private TargetConfig config;
  private Target target;
  private Setting region;
  private Network network;

  /**
   * @param target the target, such as one being added and not stored yet; null to find it by name
   * @param autoStart how to start the local runtime for a job command that needs it and finds none;
   *     null for settings that never start it: they describe it, or fail without it
   * @param outputs how to read the local runtime's stack outputs
   */
  public TargetSettings(
      Environment environment,
      TargetOptions flags,
      Target target,
      AutoStart autoStart,
      LocalOutputs outputs) {
    this.environment = environment;
    this.flags = flags;
    this.target = target;
    this.profiles = new Profiles(environment);
    this.local = new LocalTarget(environment, autoStart, startsLocalRuntime(), outputs);
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

  /** The targets file. */
  public TargetConfig config() {
    if (config == null) {
      config = TargetConfig.load(environment.configFile());
    }
    return config;
  }

  /** The AWS profiles. */
  public Profiles profiles() {
    return profiles;
  }

  /** The running local runtime; fails saying why none runs. */
  public RuntimeFile runtime() {
    return local.runtime();
  }

  /**
   * Whether a local runtime that does not run is started: unless {@code JOBS_LOCAL_AUTOSTART=0}, or
   * an endpoint or API URL given explicitly says where to go instead.
   */
  private boolean startsLocalRuntime() {
    return blank(flags.aws.endpointUrl)
        && blank(flags.apiUrl)
        && blank(environment.get("JOBS_API_URL").orElse(null));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The stored target, or for {@code local} the runtime's stack outputs. */
  public Target target() {
    if (target == null) {
      target = isLocal() ? local.target() : registered();
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
    return profile().isPresent()
        ? Optional.of(profiles.require(profileName()))
        : profiles.find(profileName());
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
            () ->
                configured
                    ? profileSettings().map(p -> profiles.endpoint(p, key)).orElse(null)
                    : null);
    return endpoint.map(url -> uri(url, "--endpoint-url")).orElse(null);
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

  /** A URL from a setting; a usage error naming the setting when it is none. */
  public static URI uri(String url, String what) {
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
