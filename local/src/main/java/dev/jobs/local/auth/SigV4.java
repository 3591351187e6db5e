package dev.jobs.local.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Signature Version 4's computations, as AWS documents them ("Create a signed AWS API request"):
 * the canonical request, the string to sign, the signing key and the signature. Paths are
 * normalized and encoded twice, as for every service but S3. The local runtime verifies with it,
 * and the CLI signs its calls of the jobs API with it ({@code SigV4SdkParityTest} holds both to the
 * SDK's signer).
 *
 * <p>HMAC-SHA256 is computed here over the SHA-256 digest (RFC 2104), not with {@code
 * javax.crypto.Mac}: looking up a {@code Mac} initializes the JDK's SunJCE provider, ~20 ms of a
 * {@code jobs get} process that lives ~140 ms, for two digests a call.
 */
public final class SigV4 {
  public static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final HexFormat HEX = HexFormat.of();

  /**
   * Each thread's SHA-256: looking one up among the security providers cost a request more than
   * using it. A digest resets itself after each use.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(() -> instance(() -> MessageDigest.getInstance("SHA-256")));

  /** SHA-256's block size, which HMAC pads its key to. */
  private static final int BLOCK = 64;

  /** Signing keys by secret and scope: deriving one takes four HMACs, and a key serves a day. */
  private static final Map<String, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();

  private SigV4() {}

  public static String canonicalRequest(
      SignedRequest request, List<String> signedHeaders, String payloadHash) {
    return request.method()
        + '\n'
        + canonicalUri(request.rawPath())
        + '\n'
        + canonicalQuery(request.rawQuery())
        + '\n'
        + canonicalHeaders(request.headers(), signedHeaders)
        + '\n'
        + String.join(";", signedHeaders)
        + '\n'
        + payloadHash;
  }

  /**
   * The {@code Authorization} header of a request signed with these credentials: its {@code
   * x-amz-date} (and, for temporary credentials, {@code x-amz-security-token}) header must be among
   * the request's headers already, and every header named in {@code signedHeaders}.
   *
   * @param payloadHash {@link #sha256Hex(byte[])} of the request's body, which the caller has
   *     computed for its {@code x-amz-content-sha256} header
   */
  public static String authorization(
      String accessKeyId,
      String secretAccessKey,
      String region,
      String service,
      SignedRequest request,
      List<String> signedHeaders,
      String payloadHash) {
    String amzDate = request.header("x-amz-date");
    String date = amzDate.substring(0, 8);
    String scope = date + '/' + region + '/' + service + "/aws4_request";
    String canonical = canonicalRequest(request, signedHeaders, payloadHash);
    return ALGORITHM
        + " Credential="
        + accessKeyId
        + '/'
        + scope
        + ", SignedHeaders="
        + String.join(";", signedHeaders)
        + ", Signature="
        + signature(
            secretAccessKey, date, region, service, stringToSign(amzDate, scope, canonical));
  }

  /**
   * An instant as {@code X-Amz-Date} writes it, {@code 20261207T160000Z}; by hand, as a {@code
   * DateTimeFormatter} pattern costs a short-lived process more to parse than to use.
   */
  public static String amzDate(Instant instant) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(16);
    digits(text, time.getYear(), 4);
    digits(text, time.getMonthValue(), 2);
    digits(text, time.getDayOfMonth(), 2);
    text.append('T');
    digits(text, time.getHour(), 2);
    digits(text, time.getMinute(), 2);
    digits(text, time.getSecond(), 2);
    return text.append('Z').toString();
  }

  private static void digits(StringBuilder text, int value, int width) {
    String number = Integer.toString(value);
    text.append("0000", 0, Math.max(0, width - number.length())).append(number);
  }

  public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
    return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest);
  }

  public static String signature(
      String secretAccessKey, String date, String region, String service, String stringToSign) {
    byte[] key =
        SIGNING_KEYS.computeIfAbsent(
            secretAccessKey + '/' + date + '/' + region + '/' + service,
            scope -> signingKey(secretAccessKey, date, region, service));
    if (SIGNING_KEYS.size() > 10_000) {
      SIGNING_KEYS.clear(); // keys change daily; this only bounds the memory
    }
    return HEX.formatHex(hmac(key, stringToSign));
  }

  private static byte[] signingKey(
      String secretAccessKey, String date, String region, String service) {
    byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    return hmac(key, "aws4_request");
  }

  /**
   * The path with {@code .} and {@code ..} segments resolved (as the SDK's {@code URI.normalize()}
   * does; empty segments stay) and encoded once more.
   */
  static String canonicalUri(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    Deque<String> segments = new ArrayDeque<>();
    String[] parts = rawPath.substring(rawPath.startsWith("/") ? 1 : 0).split("/", -1);
    for (String segment : parts) {
      if (segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        segments.pollLast();
      } else {
        segments.addLast(segment);
      }
    }
    StringBuilder uri = new StringBuilder();
    for (String segment : segments) {
      uri.append('/').append(encode(segment));
    }
    return uri.length() == 0 ? "/" : uri.toString();
  }

  /** Parameters decoded, encoded strictly, and sorted by name, then value. */
  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> parameters = new ArrayList<>();
    SignedRequest.forEachPair(
        rawQuery,
        (name, value) ->
            parameters.add(new String[] {encode(decode(name)), encode(decode(value))}));
    parameters.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    return parameters.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
  }

  static String canonicalHeaders(Map<String, List<String>> headers, List<String> signedHeaders) {
    StringBuilder canonical = new StringBuilder();
    for (String name : signedHeaders) {
      canonical.append(name).append(':');
      List<String> values = headers.getOrDefault(name, List.of());
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          canonical.append(',');
        }
        canonical.append(trim(values.get(i)));
      }
      canonical.append('\n');
    }
    return canonical.toString();
  }

  /** Trims, and folds runs of spaces into one. */
  private static String trim(String value) {
    String trimmed = value.trim();
    if (!trimmed.contains("  ")) {
      return trimmed;
    }
    StringBuilder folded = new StringBuilder(trimmed.length());
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c != ' ' || folded.charAt(folded.length() - 1) != ' ') {
        folded.append(c);
      }
    }
    return folded.toString();
  }

  private static String decode(String text) {
    // '+' is a literal plus in SigV4 query strings, not a space.
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text; // a broken escape is signed as sent; the service then refuses the query
    }
  }

  /** RFC 3986 encoding: everything but unreserved characters, with upper-case hex. */
  static String encode(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return encoded.toString();
  }

  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    return HEX.formatHex(SHA_256.get().digest(bytes));
  }

  /** HMAC-SHA256 (RFC 2104): H((K ^ opad) || H((K ^ ipad) || data)). */
  static byte[] hmac(byte[] key, String data) {
    return hmac(key, data.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] hmac(byte[] key, byte[] data) {
    MessageDigest sha256 = SHA_256.get();
    byte[] k = key.length > BLOCK ? sha256.digest(key) : key;
    byte[] pad = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x36);
    }
    sha256.update(pad);
    byte[] inner = sha256.digest(data);
    for (int i = 0; i < BLOCK; i++) {
      pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x5c);
    }
    sha256.update(pad);
    return sha256.digest(inner);
  }

  /** Looks up an algorithm every JDK has. */
  private interface Lookup<T> {
    T get() throws NoSuchAlgorithmException;
  }

  private static <T> T instance(Lookup<T> lookup) {
    try {
      return lookup.get();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks an algorithm SigV4 needs", e);
    }
  }
}
