package dev.jobs.cli.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may use the console, checked before any page: the server listens on the loopback address, but
 * any local process and any web page the browser has open can reach a loopback port, so
 *
 * <ul>
 *   <li>the {@code Host} (and, when sent, the {@code Origin}) must name this server as {@code
 *       127.0.0.1:PORT} or {@code localhost:PORT}: a foreign name is a DNS-rebinding page;
 *   <li>the random token of the printed URL is traded once for an {@code HttpOnly}, {@code
 *       SameSite=Strict} cookie and a redirect to the URL without it (so it leaves the address bar
 *       and the history); a request with neither is refused;
 *   <li>a POST carries the per-server CSRF token (a hidden form field, or a header), which only the
 *       console's own pages hold: a form posted from another page lacks it.
 * </ul>
 *
 * Every answer, refusals included, carries {@link #HEADERS}: a Content-Security-Policy that runs
 * only the console's own scripts, and no sniffing, no referrer beyond the console, no framing, no
 * caching. The referrer policy is {@code same-origin}, not {@code no-referrer}: under the latter a
 * browser sends {@code Origin: null} with the console's own form POSTs, which the Origin check must
 * refuse (ConsoleBrowserIT found it).
 */
final class ConsoleGuard {
  static final String COOKIE = "jobs_console";
  static final String TOKEN_PARAMETER = "token";
  static final String CSRF_FIELD = "csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";

  /** The headers of every answer. */
  static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
              + " connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
              + " base-uri 'none'; object-src 'none'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "same-origin",
          "X-Frame-Options",
          "DENY",
          "Cache-Control",
          "no-store");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String token;
  private final String csrf;
  private final int port;

  ConsoleGuard(String token, String csrf, int port) {
    this.token = token;
    this.csrf = csrf;
    this.port = port;
  }

  /** A guard for the server on {@code port}, with a fresh token and CSRF secret. */
  static ConsoleGuard fresh(int port) {
    return new ConsoleGuard(secret(), secret(), port);
  }

  String token() {
    return token;
  }

  String csrf() {
    return csrf;
  }

  /** The URL to print: the first visit trades its token for the cookie. */
  String url() {
    return "http://127.0.0.1:" + port + "/?" + TOKEN_PARAMETER + "=" + token;
  }

  /**
   * Why the request is refused, or the answer it gets instead of its page (the cookie and a
   * redirect, for the token's visit); empty when its page may answer.
   */
  Optional<Reply> check(Request request) {
    List<String> hosts = request.header("Host");
    if (hosts.size() != 1 || !ownHost(hosts.get(0))) {
      return Optional.of(Reply.forbidden("403 Forbidden: the Host is not this console's address"));
    }
    List<String> origins = request.header("Origin");
    if (origins.size() > 1 || origins.size() == 1 && !ownOrigin(origins.get(0))) {
      return Optional.of(Reply.forbidden("403 Forbidden: the Origin is not this console"));
    }
    String offered = request.parameter(TOKEN_PARAMETER);
    if (offered != null) {
      if (!request.method().equals("GET") || !same(offered, token)) {
        return Optional.of(Reply.forbidden("403 Forbidden: not this console's token"));
      }
      return Optional.of(
          Reply.seeOther(withoutToken(request))
              .with("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"));
    }
    if (!cookie(request).map(value -> same(value, token)).orElse(false)) {
      return Optional.of(
          Reply.forbidden(
              "403 Forbidden: open the URL jobs console printed (it holds the console's token)"));
    }
    if (request.post()) {
      String sent = request.field(CSRF_FIELD);
      if (sent == null) {
        List<String> header = request.header(CSRF_HEADER);
        sent = header.size() == 1 ? header.get(0) : null;
      }
      if (sent == null || !same(sent, csrf)) {
        return Optional.of(
            Reply.forbidden("403 Forbidden: the form's CSRF token is missing or wrong"));
      }
    }
    return Optional.empty();
  }

  private boolean ownHost(String host) {
    return host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port);
  }

  private boolean ownOrigin(String origin) {
    return origin.equals("http://127.0.0.1:" + port) || origin.equals("http://localhost:" + port);
  }

  private static Optional<String> cookie(Request request) {
    for (String header : request.header("Cookie")) {
      for (String pair : header.split(";")) {
        String trimmed = pair.trim();
        if (trimmed.startsWith(COOKIE + "=")) {
          return Optional.of(trimmed.substring(COOKIE.length() + 1));
        }
      }
    }
    return Optional.empty();
  }

  /** The request's own path and query, the token left out. */
  private static String withoutToken(Request request) {
    Map<String, List<String>> rest = new LinkedHashMap<>(request.query());
    rest.remove(TOKEN_PARAMETER);
    // One leading slash: "//host/" would be read as another site's address.
    StringBuilder location = new StringBuilder("/" + request.path().replaceFirst("^/+", ""));
    String separator = "?";
    for (Map.Entry<String, List<String>> parameter : rest.entrySet()) {
      for (String value : parameter.getValue()) {
        location
            .append(separator)
            .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        separator = "&";
      }
    }
    return location.toString();
  }

  /** Compares in constant time: the answer's timing says nothing of how much of a guess matched. */
  private static boolean same(String offered, String secret) {
    return MessageDigest.isEqual(
        offered.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
  }

  private static String secret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
