package dev.jobs.local.sts;

import dev.jobs.backend.settings.StackSettings;
import dev.jobs.local.auth.Caller;
import dev.jobs.local.auth.SignatureVerifier;
import dev.jobs.local.protocol.AwsError;
import dev.jobs.local.protocol.QueryProtocol;
import dev.jobs.local.protocol.Xml;
import dev.jobs.local.stack.LocalStack;
import dev.jobs.local.store.CredentialStore;
import dev.jobs.local.store.IssuedCredentials;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/** STS: AssumeRole for the invoke role, and GetCallerIdentity. */
public record StsApi(CredentialStore credentials, LocalStack stack, Clock clock) {
  static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
  private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** AssumeRole's constraint on RoleSessionName, as STS states it in its ValidationError. */
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");

  /** The service, as the query protocol serves it. */
  public QueryProtocol.Service service() {
    return new QueryProtocol.Service(
        "sts",
        NAMESPACE,
        "2011-06-15",
        Map.of("GetCallerIdentity", this::getCallerIdentity, "AssumeRole", this::assumeRole));
  }

  private String getCallerIdentity(Caller caller, Map<String, String> parameters) {
    String userId =
        caller.isOperator()
            ? LocalStack.ACCOUNT
            : "AROALOCAL"
                + LocalStack.INVOKE_ROLE_NAME.length()
                + ":"
                + caller.arn().substring(caller.arn().lastIndexOf('/') + 1);
    return Xml.element("Arn", caller.arn())
        + Xml.element("UserId", userId)
        + Xml.element("Account", LocalStack.ACCOUNT);
  }

  private String assumeRole(Caller caller, Map<String, String> parameters) {
    String roleArn = parameters.get("RoleArn");
    String sessionName = parameters.get("RoleSessionName");
    if (roleArn == null || sessionName == null || sessionName.isBlank()) {
      throw new AwsError(
          "ValidationError",
          "1 validation error detected: Value null at '"
              + (roleArn == null ? "roleArn" : "roleSessionName")
              + "' failed to satisfy constraint: Member must not be null");
    }
    String invalid = sessionNameProblem(sessionName);
    if (invalid != null) {
      throw new AwsError(
          "ValidationError",
          "1 validation error detected: Value '"
              + sessionName
              + "' at 'roleSessionName' failed to satisfy constraint: "
              + invalid);
    }
    if (!caller.isOperator() || !roleArn.equals(stack.invokeRoleArn())) {
      throw new AwsError(
          403,
          "AccessDenied",
          AwsError.notAuthorized(caller.arn(), "sts:AssumeRole", "on resource: " + roleArn));
    }
    int duration;
    try {
      duration =
          Integer.parseInt(
              parameters.getOrDefault(
                  "DurationSeconds",
                  String.valueOf(StackSettings.INVOKE_ROLE_MAX_SESSION_SECONDS)));
    } catch (NumberFormatException e) {
      duration = -1;
    }
    if (duration < StackSettings.MIN_SESSION_SECONDS) {
      throw new AwsError(
          "ValidationError",
          "1 validation error detected: Value '"
              + parameters.get("DurationSeconds")
              + "' at 'durationSeconds' failed to satisfy constraint: Member must have value"
              + " greater than or equal to "
              + StackSettings.MIN_SESSION_SECONDS);
    }
    // The deployed invoke role's MaxSessionDuration, which STS holds every AssumeRole to.
    if (duration > StackSettings.INVOKE_ROLE_MAX_SESSION_SECONDS) {
      throw new AwsError(
          "ValidationError",
          "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
    Instant expiration =
        clock.instant().plusSeconds(duration).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    IssuedCredentials issued =
        new IssuedCredentials(
            "ASIA" + randomKey(16),
            randomBase64(30),
            randomBase64(96),
            roleArn,
            sessionName,
            expiration.toEpochMilli());
    credentials.save(issued);
    return "<AssumedRoleUser>"
        + Xml.element("Arn", SignatureVerifier.assumedRoleArn(roleArn, sessionName))
        + Xml.element("AssumedRoleId", "AROALOCALINVOKEROLE:" + sessionName)
        + "</AssumedRoleUser><Credentials>"
        + Xml.element("AccessKeyId", issued.accessKeyId())
        + Xml.element("SecretAccessKey", issued.secretAccessKey())
        + Xml.element("SessionToken", issued.sessionToken())
        + Xml.element("Expiration", expiration.toString())
        + "</Credentials>";
  }

  /**
   * Why a session name breaks STS's constraint (2 to 64 characters of {@code [\w+=,.@-]}), or null.
   * The name ends up in an ARN and a user id, where a '/' would make them ambiguous.
   */
  private static String sessionNameProblem(String name) {
    if (name.length() < 2) {
      return "Member must have length greater than or equal to 2";
    }
    if (name.length() > 64) {
      return "Member must have length less than or equal to 64";
    }
    if (!SESSION_NAME.matcher(name).matches()) {
      return "Member must satisfy regular expression pattern: [\\w+=,.@-]*";
    }
    return null;
  }

  private static String randomKey(int length) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < length; i++) {
      key.append(KEY_CHARS.charAt(RANDOM.nextInt(KEY_CHARS.length())));
    }
    return key.toString();
  }

  private static String randomBase64(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }
}
