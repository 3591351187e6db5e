package dev.jobs.local.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Signs requests with the AWS SDK's own SigV4 signer, for checking the runtime against it. */
public final class SdkSigner {
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private SdkSigner() {}

  /** The headers the SDK sends for a request signed with the given credentials. */
  public static Map<String, List<String>> sign(
      String method,
      URI uri,
      String body,
      String accessKeyId,
      String secret,
      String sessionToken,
      String region,
      String service,
      Clock clock) {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(method))
            .uri(uri)
            .putHeader("Content-Type", "application/json")
            .build();
    AwsCredentialsIdentity identity =
        sessionToken == null
            ? AwsCredentialsIdentity.create(accessKeyId, secret)
            : AwsSessionCredentialsIdentity.create(accessKeyId, secret, sessionToken);
    SdkHttpRequest signed =
        SIGNER
            .sign(
                r ->
                    r.identity(identity)
                        .request(request)
                        .payload(
                            body == null
                                ? null
                                : ContentStreamProvider.fromString(body, StandardCharsets.UTF_8))
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock))
            .request();
    Map<String, List<String>> headers = new HashMap<>();
    signed.forEachHeader((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    if (!headers.containsKey("host")) {
      headers.put("host", List.of(uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")));
    }
    return headers;
  }
}
