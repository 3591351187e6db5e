package dev.jobs.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.local.store.CredentialStore;
import dev.jobs.local.store.Database;
import dev.jobs.local.store.IssuedCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier against requests signed by the AWS SDK's own signer. */
class SignatureVerifierTest {
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String BODY = "{\"seconds\":1}";
  private static final String ROLE = VerifierFixture.ROLE;

  @TempDir Path directory;
  private Database database;
  private SignatureVerifier verifier;

  @BeforeEach
  void open() {
    database = Database.open(directory);
    CredentialStore credentials = new CredentialStore(database);
    credentials.save(
        new IssuedCredentials(
            "ASIAOLD", "old-secret", "old-token", ROLE, "cli", NOW.minusSeconds(1).toEpochMilli()));
    verifier = VerifierFixture.verifier(credentials, CLOCK);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static SignedRequest request(
      String method,
      String pathAndQuery,
      String body,
      String key,
      String secret,
      String token,
      String region,
      String service,
      Clock clock) {
    URI uri = URI.create("http://127.0.0.1:4599" + pathAndQuery);
    return signed(
        method,
        uri,
        body,
        SdkSigner.sign(method, uri, body, key, secret, token, region, service, clock));
  }

  private static SignedRequest signed(
      String method, URI uri, String body, Map<String, List<String>> headers) {
    return new SignedRequest(
        method,
        uri.getRawPath(),
        uri.getRawQuery(),
        headers,
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  private static SignedRequest roleRequest(String method, String pathAndQuery, String body) {
    URI uri = URI.create("http://127.0.0.1:4599" + pathAndQuery);
    return signed(method, uri, body, VerifierFixture.signedAsRole(method, uri, body, CLOCK));
  }

  /** {@code POST /prod/jobs} signed with these credentials for execute-api in us-east-1. */
  private static SignedRequest postJobs(String key, String secret, String token) {
    return postJobs(key, secret, token, "us-east-1", "execute-api", CLOCK);
  }

  private static SignedRequest postJobs(
      String key, String secret, String token, String region, String service, Clock clock) {
    return request("POST", "/prod/jobs", BODY, key, secret, token, region, service, clock);
  }

  /** STS's GetCallerIdentity signed with the operator's keys and this session token, or none. */
  private static SignedRequest operatorCall(String token) {
    return request(
        "POST",
        "/",
        "Action=GetCallerIdentity&Version=2011-06-15",
        "test",
        "test",
        token,
        "us-east-1",
        "sts",
        CLOCK);
  }

  @Test
  void verify_sdkSignedPostWithSessionToken_returnsTheRoleSession() {
    Caller caller = verifier.verify(roleRequest("POST", "/prod/jobs", BODY), "execute-api");

    assertThat(caller.roleArn()).isEqualTo(ROLE);
    assertThat(caller.arn())
        .isEqualTo("arn:aws:sts::000000000000:assumed-role/JobsAPIInvokeRole/cli");
  }

  @Test
  void verify_sdkSignedGetWithEncodedPathAndQuery_isAccepted() {
    SignedRequest request = roleRequest("GET", "/prod/jobs/a%20b%2Fc?z=1&a=x%2By&a=b&empty=", null);

    assertThat(verifier.verify(request, "execute-api").accessKeyId()).isEqualTo("ASIAROLE");
  }

  @Test
  void verify_operatorKey_returnsTheOperator() {
    SignedRequest request = operatorCall(null);

    assertThat(verifier.verify(request, "sts").isOperator()).isTrue();
  }

  @Test
  void verify_changedBody_isSignatureMismatch() {
    SignedRequest signed = roleRequest("POST", "/prod/jobs", BODY);
    SignedRequest tampered =
        new SignedRequest(
            signed.method(),
            signed.rawPath(),
            signed.rawQuery(),
            withoutContentHash(signed.headers()),
            "{\"seconds\":2}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> verifier.verify(tampered, "execute-api"))
        .isInstanceOf(AuthFailure.class)
        .hasMessageStartingWith("The request signature we calculated does not match");
  }

  @Test
  void verify_declaredPayloadHashOfAnotherBody_isRefused() {
    SignedRequest signed = roleRequest("POST", "/prod/jobs", BODY);
    Map<String, List<String>> headers = new HashMap<>(signed.headers());
    headers.put("x-amz-content-sha256", List.of(SigV4.sha256Hex("other")));
    SignedRequest tampered =
        new SignedRequest(
            signed.method(), signed.rawPath(), signed.rawQuery(), headers, signed.body());

    assertThatThrownBy(() -> verifier.verify(tampered, "execute-api"))
        .isInstanceOf(AuthFailure.class)
        .extracting(e -> ((AuthFailure) e).code())
        .isEqualTo("XAmzContentSHA256Mismatch");
  }

  @Test
  void verify_wrongSecret_isSignatureMismatch() {
    SignedRequest request = postJobs("ASIAROLE", "wrong", "role-token");

    assertThatThrownBy(() -> verifier.verify(request, "execute-api"))
        .extracting(e -> ((AuthFailure) e).code())
        .isEqualTo("SignatureDoesNotMatch");
  }

  @Test
  void verify_unsigned_isMissingAuthenticationToken() {
    SignedRequest request =
        new SignedRequest("POST", "/prod/jobs", null, Map.of("host", List.of("x")), new byte[0]);

    assertThatThrownBy(() -> verifier.verify(request, "execute-api"))
        .hasMessage("Missing Authentication Token");
  }

  @Test
  void verify_expiredToken_isRefused() {
    SignedRequest request = postJobs("ASIAOLD", "old-secret", "old-token");

    assertThatThrownBy(() -> verifier.verify(request, "execute-api"))
        .hasMessage("The security token included in the request is expired");
  }

  @Test
  void verify_missingSessionToken_isInvalidToken() {
    SignedRequest request = postJobs("ASIAROLE", "role-secret", null);

    assertThatThrownBy(() -> verifier.verify(request, "execute-api"))
        .hasMessage("The security token included in the request is invalid.");
  }

  @Test
  void verify_clockSkewedSixMinutes_isSignatureExpired() {
    Clock skewed = Clock.offset(CLOCK, Duration.ofMinutes(-6));
    SignedRequest request =
        postJobs("ASIAROLE", "role-secret", "role-token", "us-east-1", "execute-api", skewed);

    assertThatThrownBy(() -> verifier.verify(request, "execute-api"))
        .hasMessage(
            "Signature expired: 20260304T050007Z is now earlier than 20260304T050107Z"
                + " (20260304T050607Z - 5 min.)");
  }

  @Test
  void verify_wrongServiceOrRegion_isRefused() {
    SignedRequest wrongService =
        postJobs("ASIAROLE", "role-secret", "role-token", "us-east-1", "lambda", CLOCK);
    SignedRequest wrongRegion =
        postJobs("ASIAROLE", "role-secret", "role-token", "eu-west-1", "execute-api", CLOCK);

    assertThatThrownBy(() -> verifier.verify(wrongService, "execute-api"))
        .hasMessage("Credential should be scoped to correct service: 'execute-api'. ");
    assertThatThrownBy(() -> verifier.verify(wrongRegion, "execute-api"))
        .hasMessage("Credential should be scoped to a valid region, not 'eu-west-1'. ");
  }

  private static Map<String, List<String>> withoutContentHash(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new HashMap<>(headers);
    copy.remove("x-amz-content-sha256");
    return copy;
  }

  /**
   * A request signed by hand with the role's secret, as a client that bends the rules would sign
   * it: its own signed headers, payload hash and scope date.
   */
  private static SignedRequest handSigned(
      Map<String, List<String>> extraHeaders,
      List<String> signedHeaders,
      String payloadHash,
      String scopeDate) {
    String amzDate = SignatureVerifier.AMZ_DATE.format(NOW);
    Map<String, List<String>> headers = new HashMap<>(extraHeaders);
    headers.put("host", List.of("127.0.0.1:4599"));
    headers.put("x-amz-date", List.of(amzDate));
    headers.put("x-amz-security-token", List.of("role-token"));
    SignedRequest unsigned =
        new SignedRequest(
            "POST", "/prod/jobs", null, headers, BODY.getBytes(StandardCharsets.UTF_8));
    String scope = scopeDate + "/us-east-1/execute-api/aws4_request";
    String toSign =
        SigV4.stringToSign(
            amzDate, scope, SigV4.canonicalRequest(unsigned, signedHeaders, payloadHash));
    String signature =
        SigV4.signature("role-secret", scopeDate, "us-east-1", "execute-api", toSign);
    headers.put(
        "authorization",
        List.of(
            SigV4.ALGORITHM
                + " Credential=ASIAROLE/"
                + scope
                + ", SignedHeaders="
                + String.join(";", signedHeaders)
                + ", Signature="
                + signature));
    return unsigned;
  }

  private static final List<String> SIGNED = List.of("host", "x-amz-date", "x-amz-security-token");

  private String refusal(SignedRequest request) {
    try {
      verifier.verify(request, "execute-api");
    } catch (AuthFailure failure) {
      return failure.code();
    }
    return "accepted";
  }

  @Test
  void verify_handSignedRequest_isAccepted() {
    SignedRequest request =
        handSigned(
            Map.of(),
            SIGNED,
            SigV4.sha256Hex(BODY),
            SignatureVerifier.AMZ_DATE.format(NOW).substring(0, 8));

    assertThat(refusal(request)).isEqualTo("accepted");
  }

  @Test
  void verify_unsignedPayload_isRefusedOutsideS3() {
    SignedRequest request =
        handSigned(
            Map.of("x-amz-content-sha256", List.of("UNSIGNED-PAYLOAD")),
            List.of("host", "x-amz-content-sha256", "x-amz-date", "x-amz-security-token"),
            "UNSIGNED-PAYLOAD",
            "20260304");

    assertThat(refusal(request)).isEqualTo("SignatureDoesNotMatch");
  }

  @Test
  void verify_scopeDateNotTheDayOfXAmzDate_isRefused() {
    for (String date : new String[] {"2026", "", "202603", "20260305"}) {
      assertThat(refusal(handSigned(Map.of(), SIGNED, SigV4.sha256Hex(BODY), date)))
          .as(date)
          .isEqualTo("InvalidSignatureException");
    }
  }

  @Test
  void verify_hostNotSigned_isRefused() {
    SignedRequest request =
        handSigned(
            Map.of(),
            List.of("x-amz-date", "x-amz-security-token"),
            SigV4.sha256Hex(BODY),
            "20260304");

    assertThat(refusal(request)).isEqualTo("IncompleteSignature");
  }

  @Test
  void verify_operatorKeyWithABogusSessionToken_isInvalidToken() {
    SignedRequest request = operatorCall("bogus");

    assertThatThrownBy(() -> verifier.verify(request, "sts"))
        .extracting(e -> ((AuthFailure) e).code())
        .isEqualTo("UnrecognizedClientException");
  }

  @Test
  void verify_aSecondAuthorizationHeaderAfterAValidOne_isRefused() {
    SignedRequest signed = roleRequest("POST", "/prod/jobs", BODY);
    Map<String, List<String>> headers = new HashMap<>(signed.headers());
    headers.put(
        "authorization",
        List.of(signed.header("authorization"), "AWS4-HMAC-SHA256 Credential=other"));
    SignedRequest doubled =
        new SignedRequest(
            signed.method(), signed.rawPath(), signed.rawQuery(), headers, signed.body());

    assertThat(refusal(doubled)).isEqualTo("IncompleteSignature");
  }
}
