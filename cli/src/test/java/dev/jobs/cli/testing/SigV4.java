package dev.jobs.cli.testing;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent SigV4 check, written from the specification: recomputes the signature of a request
 * as the server received it, with a secret key, and compares.
 */
public final class SigV4 {
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, "
              + "SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

  private SigV4() {}

  /** The parts of an {@code Authorization} header. */
  public record Authorization(
      String accessKey,
      String date,
      String region,
      String service,
      String signedHeaders,
      String signature) {}

  public static Authorization parse(String header) {
    Matcher m = AUTHORIZATION.matcher(header);
    if (!m.matches()) {
      throw new AssertionError("not a SigV4 Authorization header: " + header);
    }
    return new Authorization(
        m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
  }

  /** Whether the request's signature is the one the secret key gives. */
  public static boolean valid(LoggedRequest request, String secretKey) {
    Authorization auth = parse(request.getHeader("Authorization"));
    return expectedSignature(request, auth, secretKey).equals(auth.signature());
  }

  static String expectedSignature(LoggedRequest request, Authorization auth, String secret) {
    URI uri = URI.create(request.getAbsoluteUrl());
    String canonicalHeaders =
        Arrays.stream(auth.signedHeaders().split(";"))
            .map(name -> name + ":" + request.getHeader(name).trim().replaceAll("\\s+", " ") + "\n")
            .collect(Collectors.joining());
    String canonicalRequest =
        request.getMethod().value()
            + "\n"
            + uri.getRawPath()
            + "\n"
            + (uri.getRawQuery() == null ? "" : uri.getRawQuery())
            + "\n"
            + canonicalHeaders
            + "\n"
            + auth.signedHeaders()
            + "\n"
            + hex(sha256(request.getBody()));
    String amzDate = request.getHeader("X-Amz-Date");
    String scope = auth.date() + "/" + auth.region() + "/" + auth.service() + "/aws4_request";
    String toSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
    key = hmac(key, auth.region());
    key = hmac(key, auth.service());
    key = hmac(key, "aws4_request");
    return hex(hmac(key, toSign)).toLowerCase(Locale.ROOT);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes == null ? new byte[0] : bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
