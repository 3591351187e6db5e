package dev.jobs.cli.net;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies as the AWS CLI reads them: {@code HTTPS_PROXY} for https URLs, {@code HTTP_PROXY} for
 * http ones (each also in lower case, which wins as with curl and botocore), and {@code NO_PROXY}:
 * host names, domain suffixes ({@code .corp.example} or {@code corp.example}, both matching
 * sub-domains), IP addresses, an optional {@code :port}, or {@code *} for every host.
 *
 * <p>Loopback hosts ({@code localhost}, {@code 127.*}, {@code ::1}) are never proxied unless {@code
 * JOBS_PROXY_LOOPBACK=1}: the local runtime listens there, and a corporate proxy cannot reach the
 * user's own machine (the JDK's {@code http.nonProxyHosts} has the same default).
 */
public record Proxies(Proxy https, Proxy http, List<String> noProxy, boolean loopback) {
  /** Where a proxy listens, and the credentials from its URL, if any. */
  public record Proxy(URI endpoint, String username, String password, String source) {
    @Override
    public String toString() {
      // Never the password: the proxy is named in errors and in --debug output.
      return endpoint + " (" + source + ")";
    }
  }

  public static final Proxies NONE = new Proxies(null, null, List.of(), false);

  public static Proxies of(Map<String, String> variables) {
    return new Proxies(
        proxy(variables, "https_proxy"),
        proxy(variables, "http_proxy"),
        noProxy(variables),
        "1".equals(variables.getOrDefault("JOBS_PROXY_LOOPBACK", "").trim()));
  }

  /** The proxy that a request to {@code uri} goes through, if any. */
  public Optional<Proxy> forUri(URI uri) {
    Proxy proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
    if (proxy == null || bypassed(uri)) {
      return Optional.empty();
    }
    return Optional.of(proxy);
  }

  public boolean any() {
    return https != null || http != null;
  }

  private boolean bypassed(URI uri) {
    String host = host(uri);
    if (!loopback && isLoopback(host)) {
      return true;
    }
    int port =
        uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    for (String entry : noProxy) {
      if (entry.equals("*") || matches(entry, host, port)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String entry, String host, int port) {
    String pattern = entry;
    int colon = entry.lastIndexOf(':');
    if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).matches("\\d+")) {
      if (Integer.parseInt(entry.substring(colon + 1)) != port) {
        return false;
      }
      pattern = entry.substring(0, colon);
    }
    pattern =
        pattern.startsWith("[") && pattern.endsWith("]")
            ? pattern.substring(1, pattern.length() - 1)
            : pattern;
    String domain = pattern.startsWith("*.") ? pattern.substring(1) : pattern;
    domain = domain.startsWith(".") ? domain.substring(1) : domain;
    return host.equals(domain) || host.endsWith("." + domain);
  }

  private static String host(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || host.startsWith("127.")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  private static String variable(Map<String, String> variables, String lower) {
    String value = variables.get(lower);
    if (value == null || value.isBlank()) {
      value = variables.get(lower.toUpperCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Proxy proxy(Map<String, String> variables, String lower) {
    String value = variable(variables, lower);
    if (value == null) {
      return null;
    }
    String source =
        variables.containsKey(lower) && !variables.get(lower).isBlank()
            ? lower
            : lower.toUpperCase(Locale.ROOT);
    // As botocore does: a proxy given without a scheme is an http:// one.
    String text = value.contains("://") ? value : "http://" + value;
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
        throw new URISyntaxException(value, "needs http:// and a host");
      }
      int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
      String username = null;
      String password = null;
      String userInfo = uri.getRawUserInfo();
      if (userInfo != null) {
        int colon = userInfo.indexOf(':');
        username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
      }
      return new Proxy(
          new URI(scheme, null, uri.getHost(), port, null, null, null), username, password, source);
    } catch (URISyntaxException | IllegalArgumentException e) {
      // The value may hold a password: name the variable, not its value.
      throw new JobsException(
          ExitCode.USAGE, source + " is not a proxy URL such as http://[user:password@]host:port");
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static List<String> noProxy(Map<String, String> variables) {
    String value = variable(variables, "no_proxy");
    List<String> entries = new ArrayList<>();
    if (value != null) {
      for (String entry : value.split("[,\\s]+")) {
        if (!entry.isBlank()) {
          entries.add(entry.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return List.copyOf(entries);
  }
}
