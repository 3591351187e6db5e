package dev.jobs.local.auth;

import dev.jobs.local.stack.LocalStack;
import dev.jobs.local.store.CredentialStore;
import dev.jobs.local.store.IssuedCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a SigV4 {@code Authorization} header the way AWS does, and says who signed: the
 * operator's key pair, or temporary credentials the local STS issued. Failures carry AWS's codes
 * and messages.
 *
 * @param issued the temporary credentials the local STS issued, which sign for the invoke role
 * @param region the one region requests may be scoped to
 */
public record SignatureVerifier(
    OperatorKey operator, CredentialStore issued, String region, Clock clock) {
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);
  static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private record Authorization(
      String accessKeyId,
      String date,
      String region,
      String service,
      List<String> signedHeaders,
      String signature) {
    String scope() {
      return date + "/" + region + "/" + service + "/aws4_request";
    }
  }

  /**
   * Checks a request signed for {@code service}.
   *
   * @throws AuthFailure when AWS would refuse it
   */
  public Caller verify(SignedRequest request, String service) {
    String header = request.header("authorization");
    if (header == null) {
      throw new AuthFailure("MissingAuthenticationToken", "Missing Authentication Token");
    }
    if (request.headers().get("authorization").size() > 1) {
      // Which one would count is anyone's guess; AWS refuses the request.
      throw new AuthFailure(
          "IncompleteSignature", "Only one Authorization header may be sent with a request.");
    }
    Authorization authorization = parse(header);
    if (!authorization.signedHeaders().contains("host")) {
      // Unsigned, the Host could be changed on the way without breaking the signature.
      throw new AuthFailure(
          "IncompleteSignature",
          "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    String amzDate = request.header("x-amz-date");
    if (amzDate == null) {
      throw new AuthFailure(
          "IncompleteSignature",
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
              + " Authorization="
              + header);
    }
    Instant signedAt = signedAt(amzDate);
    checkSkew(signedAt);
    if (!authorization.service().equals(service)) {
      throw new AuthFailure(
          "InvalidSignatureException",
          "Credential should be scoped to correct service: '" + service + "'. ");
    }
    if (!authorization.region().equals(region)) {
      throw new AuthFailure(
          "InvalidSignatureException",
          "Credential should be scoped to a valid region, not '" + authorization.region() + "'. ");
    }
    // Equal, not a prefix: a key derived for "2026" or "" would otherwise sign for a year, or for
    // ever.
    if (!authorization.date().equals(amzDate.substring(0, 8))) {
      throw new AuthFailure(
          "InvalidSignatureException",
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from"
              + " HTTP: '"
              + authorization.date()
              + "' != '"
              + amzDate.substring(0, 8)
              + "', from '"
              + amzDate
              + "'.");
    }
    Caller caller;
    String secret;
    if (authorization.accessKeyId().equals(operator.accessKeyId())) {
      if (request.header("x-amz-security-token") != null) {
        // Long-term keys have no session: AWS rejects a token sent with them.
        throw new AuthFailure(
            "UnrecognizedClientException",
            "The security token included in the request is invalid.");
      }
      caller =
          new Caller(operator.accessKeyId(), "arn:aws:iam::" + LocalStack.ACCOUNT + ":root", null);
      secret = operator.secretAccessKey();
    } else {
      IssuedCredentials credentials = temporaryCredentials(authorization, request);
      caller =
          new Caller(
              credentials.accessKeyId(),
              assumedRoleArn(credentials.roleArn(), credentials.sessionName()),
              credentials.roleArn());
      secret = credentials.secretAccessKey();
    }
    String payloadHash = payloadHash(request);
    String canonical = SigV4.canonicalRequest(request, authorization.signedHeaders(), payloadHash);
    String stringToSign = SigV4.stringToSign(amzDate, authorization.scope(), canonical);
    String expected =
        SigV4.signature(
            secret,
            authorization.date(),
            authorization.region(),
            authorization.service(),
            stringToSign);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw new AuthFailure(
          "SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided. Check"
              + " your AWS Secret Access Key and signing method. Consult the service documentation"
              + " for details.\n\nThe Canonical String for this request should have been\n'"
              + canonical
              + "'\n\nThe String-to-Sign should have been\n'"
              + stringToSign
              + "'\n");
    }
    return caller;
  }

  /** The ARN STS reports for a role session. */
  public static String assumedRoleArn(String roleArn, String sessionName) {
    String role = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    return "arn:aws:sts::" + LocalStack.ACCOUNT + ":assumed-role/" + role + "/" + sessionName;
  }

  private IssuedCredentials temporaryCredentials(
      Authorization authorization, SignedRequest request) {
    Optional<IssuedCredentials> found = issued.find(authorization.accessKeyId());
    String token = request.header("x-amz-security-token");
    if (found.isEmpty()
        || token == null
        || !MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8),
            found.get().sessionToken().getBytes(StandardCharsets.UTF_8))) {
      throw new AuthFailure(
          "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    if (clock.millis() >= found.get().expiresAt()) {
      throw new AuthFailure(
          "ExpiredTokenException", "The security token included in the request is expired");
    }
    return found.get();
  }

  /**
   * The {@code X-Amz-Date}'s instant. A plain date and time ({@code 20260101T120000Z}, year 1 or
   * later, day at most 28) is read by hand, which costs a request far less than the formatter;
   * anything else, where the formatter's own rules decide, goes to it.
   */
  static Instant signedAt(String amzDate) {
    if (amzDate.length() == 16
        && amzDate.charAt(8) == 'T'
        && amzDate.charAt(15) == 'Z'
        && digits(amzDate, 0, 8)
        && digits(amzDate, 9, 15)) {
      int year = number(amzDate, 0, 4);
      int month = number(amzDate, 4, 6);
      int day = number(amzDate, 6, 8);
      int hour = number(amzDate, 9, 11);
      int minute = number(amzDate, 11, 13);
      int second = number(amzDate, 13, 15);
      if (year >= 1
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= 28
          && hour <= 23
          && minute <= 59
          && second <= 59) {
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
      }
    }
    try {
      return Instant.from(AMZ_DATE.parse(amzDate));
    } catch (DateTimeParseException e) {
      throw new AuthFailure("IncompleteSignature", "Date must be in ISO-8601 'basic format'.");
    }
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + text.charAt(i) - '0';
    }
    return value;
  }

  private void checkSkew(Instant signedAt) {
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      throw skewed("Signature expired", signedAt, "now earlier", now.minus(MAX_SKEW), now, '-');
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      throw skewed(
          "Signature not yet current", signedAt, "still later", now.plus(MAX_SKEW), now, '+');
    }
  }

  /** AWS's answer to a signing time outside the skew allowed, on either side of now. */
  private static AuthFailure skewed(
      String what, Instant signedAt, String relation, Instant bound, Instant now, char sign) {
    return new AuthFailure(
        "InvalidSignatureException",
        what
            + ": "
            + AMZ_DATE.format(signedAt)
            + " is "
            + relation
            + " than "
            + AMZ_DATE.format(bound)
            + " ("
            + AMZ_DATE.format(now)
            + " "
            + sign
            + " 5 min.)");
  }

  /**
   * The body's hash, which a declared {@code x-amz-content-sha256} must match. {@code
   * UNSIGNED-PAYLOAD} is S3's alone: for these services the body's hash is signed anyway, so a
   * request that declares it fails the signature check, and nobody can rewrite a body on the way.
   */
  private static String payloadHash(SignedRequest request) {
    String actual = SigV4.sha256Hex(request.body());
    String declared = request.header("x-amz-content-sha256");
    if (declared != null && !declared.equals("UNSIGNED-PAYLOAD") && !declared.equals(actual)) {
      throw new AuthFailure(
          "XAmzContentSHA256Mismatch",
          "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    return actual;
  }

  private static Authorization parse(String header) {
    if (!header.startsWith(SigV4.ALGORITHM + " ")) {
      throw new AuthFailure(
          "IncompleteSignature",
          "Authorization header requires 'Credential' parameter. Authorization header requires"
              + " 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter."
              + " Authorization="
              + header);
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    for (String part : header.substring(SigV4.ALGORITHM.length() + 1).split(",")) {
      String item = part.trim();
      if (item.startsWith("Credential=")) {
        credential = item.substring("Credential=".length());
      } else if (item.startsWith("SignedHeaders=")) {
        signedHeaders = item.substring("SignedHeaders=".length());
      } else if (item.startsWith("Signature=")) {
        signature = item.substring("Signature=".length());
      }
    }
    List<String> missing = new ArrayList<>();
    if (credential == null) {
      missing.add("Authorization header requires 'Credential' parameter.");
    }
    if (signature == null) {
      missing.add("Authorization header requires 'Signature' parameter.");
    }
    if (signedHeaders == null) {
      missing.add("Authorization header requires 'SignedHeaders' parameter.");
    }
    if (!missing.isEmpty()) {
      throw new AuthFailure(
          "IncompleteSignature", String.join(" ", missing) + " Authorization=" + header);
    }
    String[] scope = credential.split("/");
    if (scope.length != 5 || !scope[4].equals("aws4_request")) {
      throw new AuthFailure(
          "IncompleteSignature",
          "Credential should be scoped to a valid region, not '"
              + (scope.length > 2 ? scope[2] : "")
              + "'. ");
    }
    return new Authorization(
        scope[0], scope[1], scope[2], scope[3], List.of(signedHeaders.split(";")), signature);
  }
}
