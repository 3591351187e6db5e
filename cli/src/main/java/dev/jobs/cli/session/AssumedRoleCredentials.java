package dev.jobs.cli.session;

import dev.jobs.backend.settings.StackSettings;
import dev.jobs.cli.api.RenewableCredentials;
import dev.jobs.cli.aws.AwsErrors;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Credentials of the target's invoke role, assumed with the base credentials. They are reused from
 * memory, then from the disk cache, while more than five minutes remain, and assumed again after:
 * so a long {@code jobs wait} refreshes them, and a short {@code jobs get} makes no STS call.
 */
public final class AssumedRoleCredentials implements RenewableCredentials {
  /** Credentials this close to expiry are renewed, so no request leaves with dying ones. */
  public static final Duration MARGIN = Duration.ofMinutes(5);

  /**
   * The session asked for: the invoke role's maximum, which the stack sets and STS (the local one
   * too) holds every AssumeRole to; longer would be refused with a ValidationError.
   */
  static final int SESSION_SECONDS = StackSettings.INVOKE_ROLE_MAX_SESSION_SECONDS;

  private final String roleArn;
  private final BaseCredentials base;
  private final Supplier<StsClient> sts;
  private final CredentialCache.Slot slot;
  private final Clock clock;
  private CredentialCache.Entry current;
  private boolean fromCache;

  public AssumedRoleCredentials(
      String roleArn,
      BaseCredentials base,
      Supplier<StsClient> sts,
      CredentialCache.Slot slot,
      Clock clock) {
    this.roleArn = roleArn;
    this.base = base;
    this.sts = sts;
    this.slot = slot;
    this.clock = clock;
  }

  @Override
  public synchronized AwsCredentials resolveCredentials() {
    if (current == null || !fresh(current)) {
      current = slot.read().filter(this::fresh).orElse(null);
      fromCache = current != null;
      if (current == null) {
        current = assume();
        slot.write(current);
      }
    }
    return AwsSessionCredentials.builder()
        .accessKeyId(current.accessKeyId())
        .secretAccessKey(current.secretAccessKey())
        .sessionToken(current.sessionToken())
        .expirationTime(current.expiration())
        .build();
  }

  /**
   * Forgets the credentials after the service rejected them (say, the local runtime restarted).
   *
   * @return whether they came from the cache, so that assuming the role again may help
   */
  @Override
  public synchronized boolean invalidate() {
    boolean cached = fromCache;
    current = null;
    fromCache = false;
    slot.delete();
    return cached;
  }

  private boolean fresh(CredentialCache.Entry entry) {
    return entry.expiration() != null
        && entry.expiration().minus(MARGIN).isAfter(Instant.now(clock));
  }

  private CredentialCache.Entry assume() {
    Credentials assumed;
    try {
      assumed =
          sts.get()
              .assumeRole(
                  r ->
                      r.roleArn(roleArn)
                          .roleSessionName(sessionName())
                          .durationSeconds(SESSION_SECONDS))
              .credentials();
    } catch (SdkException e) {
      throw failure(e);
    }
    if (assumed == null || assumed.accessKeyId() == null || assumed.expiration() == null) {
      throw new JobsException(
          ExitCode.CREDENTIALS, "AssumeRole " + roleArn + " answered without credentials");
    }
    return new CredentialCache.Entry(
        assumed.accessKeyId(),
        assumed.secretAccessKey(),
        assumed.sessionToken(),
        assumed.expiration());
  }

  private JobsException failure(SdkException e) {
    String tried = "assuming " + roleArn + " with " + base.description();
    if (e instanceof SdkClientException && AwsErrors.translate(e, "").exitCode() == 5) {
      return new JobsException(
          ExitCode.CREDENTIALS,
          "no AWS credentials found for "
              + base.description()
              + "; configure them (aws configure, aws sso login) or pass --profile",
          e);
    }
    if (AwsErrors.isExpired(e)) {
      return new JobsException(
          ExitCode.CREDENTIALS,
          "the credentials of "
              + base.description()
              + " have expired ("
              + tried
              + "); refresh them, e.g. aws sso login",
          e);
    }
    if (AwsErrors.isDenied(e)) {
      JobsException denied = AwsErrors.translate(e, tried);
      return new JobsException(
          ExitCode.CREDENTIALS,
          denied.getMessage().replaceAll("\\.$", "")
              + "; check the keys and that the role trusts this identity",
          e);
    }
    return AwsErrors.translate(e, tried);
  }

  private static String sessionName() {
    String user = System.getProperty("user.name", "user").replaceAll("[^\\w+=,.@-]", "-");
    String name = "jobs-cli-" + user;
    return name.length() > 64 ? name.substring(0, 64) : name;
  }
}
