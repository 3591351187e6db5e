package dev.jobs.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guard's rules, on requests as the server builds them: who gets a page, who gets 403. */
class ConsoleGuardTest {
  static final int PORT = 4321;
  final ConsoleGuard guard = new ConsoleGuard("the-token", "the-csrf", PORT);

  static Request request(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      Map<String, String> form) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    query.forEach((k, v) -> q.put(k, List.of(v)));
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    Map<String, List<String>> f = new LinkedHashMap<>();
    form.forEach((k, v) -> f.put(k, List.of(v)));
    return new Request(method, path, q, h, f);
  }

  static Map<String, String> signedIn(String host) {
    return Map.of("Host", host, "Cookie", "other=1; jobs_console=the-token");
  }

  /** The status of the guard's own answer to {@code request}, which it must not let through. */
  int refusal(Request request) {
    return guard.check(request).orElseThrow().status();
  }

  @Test
  void cookieAndOwnHost_pass_as127001_andAsLocalhost() {
    assertThat(guard.check(request("GET", "/", Map.of(), signedIn("127.0.0.1:4321"), Map.of())))
        .isEmpty();
    assertThat(guard.check(request("GET", "/", Map.of(), signedIn("localhost:4321"), Map.of())))
        .isEmpty();
  }

  @Test
  void token_isTradedForAnHttpOnlyStrictCookie_andARedirectWithoutIt_keepingTheOtherParameters() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("status", "FAILED");
    query.put("token", "the-token");

    Optional<Reply> reply =
        guard.check(request("GET", "/", query, Map.of("Host", "127.0.0.1:4321"), Map.of()));

    assertThat(reply).isPresent();
    assertThat(reply.get().status()).isEqualTo(303);
    assertThat(reply.get().headers().get("Location")).isEqualTo("/?status=FAILED");
    assertThat(reply.get().headers().get("Set-Cookie"))
        .isEqualTo("jobs_console=the-token; Path=/; HttpOnly; SameSite=Strict");
  }

  @Test
  void tokenRedirect_toADoubleSlashPath_staysOnThisServer() {
    Optional<Reply> reply =
        guard.check(
            request(
                "GET",
                "//evil.example/x",
                Map.of("token", "the-token"),
                Map.of("Host", "127.0.0.1:4321"),
                Map.of()));

    assertThat(reply.get().headers().get("Location")).isEqualTo("/evil.example/x");
  }

  @Test
  void wrongToken_isRefused_withNoCookie() {
    Optional<Reply> reply =
        guard.check(
            request(
                "GET", "/", Map.of("token", "guess"), Map.of("Host", "127.0.0.1:4321"), Map.of()));

    assertThat(reply.get().status()).isEqualTo(403);
    assertThat(reply.get().headers()).doesNotContainKey("Set-Cookie");
  }

  @Test
  void noCookie_orAnotherCookieValue_isRefused() {
    assertThat(refusal(request("GET", "/", Map.of(), Map.of("Host", "127.0.0.1:4321"), Map.of())))
        .isEqualTo(403);
    assertThat(
            refusal(
                request(
                    "GET",
                    "/",
                    Map.of(),
                    Map.of("Host", "127.0.0.1:4321", "Cookie", "jobs_console=guess"),
                    Map.of())))
        .isEqualTo(403);
  }

  @Test
  void foreignHost_otherPort_orForeignOrigin_isRefused_evenWithTheCookie() {
    assertThat(refusal(request("GET", "/", Map.of(), signedIn("evil.example:4321"), Map.of())))
        .isEqualTo(403);
    assertThat(refusal(request("GET", "/", Map.of(), signedIn("127.0.0.1:80"), Map.of())))
        .isEqualTo(403);
    Map<String, String> headers = new LinkedHashMap<>(signedIn("127.0.0.1:4321"));
    headers.put("Origin", "http://evil.example");
    assertThat(refusal(request("GET", "/", Map.of(), headers, Map.of()))).isEqualTo(403);
    headers.put("Origin", "null");
    assertThat(refusal(request("GET", "/", Map.of(), headers, Map.of()))).isEqualTo(403);
  }

  @Test
  void post_needsTheCsrfToken_asAFormField_orAHeader() {
    Map<String, String> headers = new LinkedHashMap<>(signedIn("127.0.0.1:4321"));
    headers.put("Origin", "http://127.0.0.1:4321");

    assertThat(refusal(request("POST", "/jobs/a/cancel", Map.of(), headers, Map.of())))
        .isEqualTo(403);
    assertThat(
            refusal(request("POST", "/jobs/a/cancel", Map.of(), headers, Map.of("csrf", "guess"))))
        .isEqualTo(403);
    assertThat(
            guard.check(
                request("POST", "/jobs/a/cancel", Map.of(), headers, Map.of("csrf", "the-csrf"))))
        .isEmpty();
    headers.put("X-CSRF-Token", "the-csrf");
    assertThat(guard.check(request("POST", "/jobs/a/cancel", Map.of(), headers, Map.of())))
        .isEmpty();
  }

  @Test
  void freshGuards_haveDifferentTokens_andTheUrlNamesTheLoopbackPort() {
    ConsoleGuard one = ConsoleGuard.fresh(PORT);
    ConsoleGuard two = ConsoleGuard.fresh(PORT);

    assertThat(one.token()).isNotEqualTo(two.token()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(one.csrf()).isNotEqualTo(one.token());
    assertThat(one.url()).isEqualTo("http://127.0.0.1:4321/?token=" + one.token());
  }
}
