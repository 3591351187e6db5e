package dev.jobs.cli.session;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.target.TargetSettings;
import dev.jobs.local.RuntimeFile;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.profiles.Profile;

/**
 * The caller's own credentials for a target, before any role for the API: the profile that the
 * settings name, the local runtime's operator keys, or the SDK's default chain.
 */
final class CallerCredentials {
  private CallerCredentials() {}

  /**
   * @param sts the session, whose STS client signs with given credentials through the target's STS
   */
  static BaseCredentials of(Environment environment, TargetSettings settings, Session sts) {
    Optional<String> profile = settings.profile();
    if (profile.isPresent()) {
      return profile(environment, settings, sts, profile.get(), new HashSet<>());
    }
    if (settings.isLocal()) {
      RuntimeFile runtime = settings.runtime();
      return BaseCredentials.operatorKeys(runtime.accessKeyId(), runtime.secretAccessKey());
    }
    return BaseCredentials.defaultChain(environment);
  }

  /**
   * A profile's credentials. A profile with {@code role_arn} and {@code source_profile} is assumed
   * here, through this target's STS endpoint: the SDK would build its own STS client, which knows
   * neither the profile's {@code endpoint_url} nor the region chosen here. Every other kind ({@code
   * credential_process}, SSO, keys) is the SDK's.
   */
  private static BaseCredentials profile(
      Environment environment,
      TargetSettings settings,
      Session sts,
      String name,
      Set<String> seen) {
    Profile profile = settings.profiles().require(name);
    Optional<String> role = profile.property("role_arn");
    Optional<String> source = profile.property("source_profile");
    if (role.isEmpty() || source.isEmpty() || source.get().equals(name)) {
      return BaseCredentials.profile(environment, name);
    }
    if (!seen.add(name)) {
      throw new JobsException(
          ExitCode.USAGE, "profile '" + name + "' is its own source_profile through " + seen);
    }
    BaseCredentials sourceCredentials = profile(environment, settings, sts, source.get(), seen);
    AssumedRoleCredentials assumed =
        assumed(environment, settings, role.get(), sourceCredentials, sts);
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

  /** A role assumed with these credentials, through the target's STS, cached across commands. */
  static AssumedRoleCredentials assumed(
      Environment environment,
      TargetSettings settings,
      String role,
      BaseCredentials with,
      Session sts) {
    return new AssumedRoleCredentials(
        role,
        with,
        () -> sts.sts(with.provider()),
        new CredentialCache(environment.cacheDir().resolve("credentials"))
            .slot(role, with.identity(), settings.region().id() + "|" + settings.endpoint("STS")),
        environment.clock());
  }
}
