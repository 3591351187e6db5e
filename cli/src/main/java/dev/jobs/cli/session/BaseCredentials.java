package dev.jobs.cli.session;

import dev.jobs.cli.core.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The caller's own credentials, before any role is assumed: a named profile, the local runtime's
 * operator keys, or the SDK's default chain. The SDK reads the credential files; this class only
 * chooses which source, and names it for error messages.
 *
 * @param description what was tried, for one-line errors ("profile 'dev'")
 * @param identity what distinguishes these credentials in a cache key
 */
public record BaseCredentials(
    AwsCredentialsProvider provider, String description, String identity) {

  public static BaseCredentials operatorKeys(String accessKeyId, String secretAccessKey) {
    return new BaseCredentials(
        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)),
        "the local runtime's operator keys",
        "static:" + accessKeyId);
  }

  public static BaseCredentials profile(Environment environment, String profile) {
    return new BaseCredentials(
        ProfileCredentialsProvider.builder()
            .profileFile(profileFilesOf(environment))
            .profileName(profile)
            .build(),
        "profile '" + profile + "'",
        "profile:" + profile);
  }

  public static BaseCredentials defaultChain(Environment environment) {
    return new BaseCredentials(
        DefaultCredentialsProvider.builder().profileFile(profileFilesOf(environment)).build(),
        "the default credential chain (no profile given)",
        "default:" + environment.get("AWS_ACCESS_KEY_ID").orElse(""));
  }

  /** The config and credentials files the AWS CLI would read, as this environment names them. */
  public static Supplier<ProfileFile> profileFilesOf(Environment environment) {
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
  public static List<String> profileFileNames(Environment environment) {
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
}
