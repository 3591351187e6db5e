package dev.jobs.cli.target;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The AWS CLI's config and credentials files, read as the AWS CLI reads them, once and on first
 * use: the profiles, a profile's settings, and its {@code services} section.
 */
public final class Profiles {
  private final Environment environment;
  private ProfileFile files;

  public Profiles(Environment environment) {
    this.environment = environment;
  }

  /** The config and credentials files the AWS CLI would read, as this environment names them. */
  public static Supplier<ProfileFile> filesOf(Environment environment) {
    Path config = configFile(environment);
    Path credentials = credentialsFile(environment);
    return () -> {
      ProfileFile.Aggregator files = ProfileFile.aggregator();
      if (Files.isRegularFile(credentials)) {
        files.addFile(
            ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
      }
      if (Files.isRegularFile(config)) {
        files.addFile(
            ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
      }
      return files.build();
    };
  }

  /** The two files' names, for an error that says where a profile was looked for. */
  public static List<String> fileNames(Environment environment) {
    return List.of(configFile(environment).toString(), credentialsFile(environment).toString());
  }

  private static Path configFile(Environment environment) {
    return environment
        .get("AWS_CONFIG_FILE")
        .map(Path::of)
        .orElse(environment.home().resolve(".aws/config"));
  }

  private static Path credentialsFile(Environment environment) {
    return environment
        .get("AWS_SHARED_CREDENTIALS_FILE")
        .map(Path::of)
        .orElse(environment.home().resolve(".aws/credentials"));
  }

  /** A profile's settings; empty when there is no such profile. */
  public Optional<Profile> find(String name) {
    return files().profile(name);
  }

  /** A profile that must exist, because a flag, the environment or a target names it. */
  public Profile require(String name) {
    return find(name).orElseThrow(() -> missing(name));
  }

  /** Exit 5, as every credentials problem: the profile was meant to give them. */
  JobsException missing(String name) {
    return new JobsException(
        ExitCode.CREDENTIALS,
        "profile '" + name + "' does not exist in " + String.join(" or ", fileNames(environment)));
  }

  /**
   * A service's endpoint from a profile: its {@code services} section's {@code
   * <service>.endpoint_url}, else its {@code endpoint_url}; none when the profile ignores
   * configured endpoints.
   *
   * @param service the service's key in a {@code services} section, such as {@code sts}
   */
  String endpoint(Profile profile, String service) {
    if (profile.booleanProperty("ignore_configured_endpoint_urls").orElse(false)) {
      return null;
    }
    return profile
        .property("services")
        .flatMap(section -> files().getSection("services", section))
        .flatMap(services -> services.property(service + ".endpoint_url"))
        .or(() -> profile.property("endpoint_url"))
        .orElse(null);
  }

  private ProfileFile files() {
    if (files == null) {
      try {
        files = filesOf(environment).get();
      } catch (SdkClientException | IllegalArgumentException | IllegalStateException e) {
        throw new JobsException(
            ExitCode.USAGE,
            "cannot read " + String.join(" or ", fileNames(environment)) + ": " + e.getMessage(),
            e);
      }
    }
    return files;
  }
}
