package dev.jobs.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The jobs API's requests are signed by the local runtime's SigV4 code (see {@code
 * JobsClient.sign}): on random requests of the API's shapes, it must sign exactly as the AWS SDK's
 * own signer does, header for header.
 */
class SigV4SdkParityTest {
  /** What a path or a query may hold, encoded. */
  private static final String ODD = "aZ09-_.~ !\"#$%&'()*+,/:;<=>?@[\\]^`{|}é日😀";

  /** What keys and session tokens are made of. */
  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void signature_isTheSdksSignerHeaderForHeader(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int run = 0; run < 50; run++) {
      SdkHttpRequest request = request(random);
      byte[] body =
          random.nextBoolean() ? null : text(random, ODD, 40).getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        request =
            request.toBuilder()
                .method(SdkHttpMethod.POST)
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
      }
      AwsCredentials credentials =
          random.nextBoolean()
              ? AwsBasicCredentials.create("AKID" + random.nextInt(1000), text(random, BASE64, 40))
              : AwsSessionCredentials.create(
                  "ASIA" + random.nextInt(1000),
                  text(random, BASE64, 40),
                  text(random, BASE64, 200));
      String region = random.nextBoolean() ? "us-east-1" : "eu-west-3";
      Instant now = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(200_000_000));

      SdkHttpRequest ours = JobsClient.sign(request, body, credentials, region, now);
      SdkHttpRequest sdks = sdk(request, body, credentials, region, now);

      for (String header :
          List.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token", "x-amz-content-sha256")) {
        assertThat(ours.firstMatchingHeader(header))
            .as("%s of %s %s", header, request.method(), request.getUri())
            .isEqualTo(sdks.firstMatchingHeader(header));
      }
    }
  }

  private static SdkHttpRequest request(SplittableRandom random) {
    String scheme = random.nextBoolean() ? "https" : "http";
    String port =
        switch (random.nextInt(3)) {
          case 0 -> "";
          case 1 -> ":" + (scheme.equals("https") ? 443 : 80);
          default -> ":" + (1024 + random.nextInt(60000));
        };
    String stage = random.nextBoolean() ? "/prod" : "";
    String id = SdkHttpUtils.urlEncode(text(random, ODD, 1 + random.nextInt(30)));
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .uri(URI.create(scheme + "://abc123.execute-api.test" + port + stage + "/jobs/" + id))
            .putHeader("Accept", "application/json");
    for (int i = random.nextInt(4); i > 0; i--) {
      request.putRawQueryParameter(
          text(random, ODD, 1 + random.nextInt(8)), text(random, ODD, random.nextInt(20)));
    }
    return request.build();
  }

  private static SdkHttpRequest sdk(
      SdkHttpRequest request, byte[] body, AwsCredentials credentials, String region, Instant now) {
    return AwsV4HttpSigner.create()
        .sign(
            r ->
                r.identity(credentials)
                    .request(request)
                    .payload(body == null ? null : ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC)))
        .request();
  }

  private static String text(SplittableRandom random, String alphabet, int length) {
    StringBuilder text = new StringBuilder();
    int[] points = alphabet.codePoints().toArray();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(points[random.nextInt(points.length)]);
    }
    return text.toString();
  }
}
