package dev.jobs.local.auth;

import dev.jobs.local.store.CredentialStore;
import dev.jobs.local.store.IssuedCredentials;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The verifier the SigV4 tests check: the operator's keys {@code test}/{@code test} in {@code
 * us-east-1}, and an invoke-role session {@code ASIAROLE} (secret {@code role-secret}, token {@code
 * role-token}) issued for an hour from the clock's now.
 */
final class VerifierFixture {
  static final String ROLE = "arn:aws:iam::000000000000:role/JobsAPIInvokeRole";

  private VerifierFixture() {}

  static SignatureVerifier verifier(CredentialStore credentials, Clock clock) {
    credentials.save(
        new IssuedCredentials(
            "ASIAROLE",
            "role-secret",
            "role-token",
            ROLE,
            "cli",
            clock.instant().plusSeconds(3600).toEpochMilli()));
    return new SignatureVerifier(new OperatorKey("test", "test"), credentials, "us-east-1", clock);
  }

  /** The headers of a request signed by the invoke-role session, for execute-api in us-east-1. */
  static Map<String, List<String>> signedAsRole(String method, URI uri, String body, Clock clock) {
    return SdkSigner.sign(
        method,
        uri,
        body,
        "ASIAROLE",
        "role-secret",
        "role-token",
        "us-east-1",
        "execute-api",
        clock);
  }
}
