package dev.jobs.cli.session;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.target.Profiles;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

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
            .profileFile(Profiles.filesOf(environment))
            .profileName(profile)
            .build(),
        "profile '" + profile + "'",
        "profile:" + profile);
  }

  public static BaseCredentials defaultChain(Environment environment) {
    return new BaseCredentials(
        DefaultCredentialsProvider.builder().profileFile(Profiles.filesOf(environment)).build(),
        "the default credential chain (no profile given)",
        "default:" + environment.get("AWS_ACCESS_KEY_ID").orElse(""));
  }
}
