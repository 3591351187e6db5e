package dev.jobs.local.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature Version 4's computations, as AWS documents them ("Create a signed AWS API request"):
 * the canonical request, the string to sign, the signing key and the signature. Paths are
 * normalized and encoded twice, as for every service but S3.
 */
public final class SigV4 {
  public static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final HexFormat HEX = HexFormat.of();

  /**
   * Each thread's SHA-256 and HMAC instances: looking one up among the security providers cost a
   * request more than using it. A digest resets itself after each use; a MAC is initialized anew
   * with each key.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(() -> instance(() -> MessageDigest.getInstance("SHA-256")));

  private static final ThreadLocal<Mac> HMAC_SHA_256 =
      ThreadLocal.withInitial(() -> instance(() -> Mac.getInstance("HmacSHA256")));

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

  private static byte[] hmac(byte[] key, String data) {
    Mac mac = HMAC_SHA_256.get();
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 refused a key", e);
    }
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
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
