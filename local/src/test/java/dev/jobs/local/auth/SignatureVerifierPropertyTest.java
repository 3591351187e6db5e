package dev.jobs.local.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.local.ScratchDirectory;
import dev.jobs.local.store.CredentialStore;
import dev.jobs.local.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated requests against the verifier: a request signed by the SDK and then changed in any one
 * place, or an Authorization header assembled from pieces, is refused with an {@link AuthFailure},
 * never accepted and never answered with another exception (a 500).
 */
class SignatureVerifierPropertyTest {
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static Path directory;
  private static Database database;
  private static SignatureVerifier verifier;

  @BeforeContainer
  static void open() throws IOException {
    directory = Files.createTempDirectory("verifier-properties-");
    database = Database.open(directory);
    verifier = VerifierFixture.verifier(new CredentialStore(database), CLOCK);
  }

  @AfterContainer
  static void close() {
    database.close();
    try {
      ScratchDirectory.delete(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One change to a signed request, at a place chosen by the generator. */
  record Change(String where, int position, String text) {}

  @Provide
  Arbitrary<Change> changes() {
    return Combinators.combine(
            Arbitraries.of(
                "body", "path", "query", "method", "signature", "date", "token", "host", "header"),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(8))
        .as(Change::new);
  }

  @Property(tries = 300)
  void aSignedRequestChangedInOnePlace_isRefused(
      @ForAll("bodies") String body,
      @ForAll("queries") String query,
      @ForAll("changes") Change change) {
    URI uri = URI.create("http://127.0.0.1:4599/prod/jobs" + (query.isEmpty() ? "" : "?" + query));
    Map<String, List<String>> headers =
        new HashMap<>(VerifierFixture.signedAsRole("POST", uri, body, CLOCK));
    String method = "POST";
    String path = uri.getRawPath();
    String rawQuery = uri.getRawQuery();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    switch (change.where()) {
      case "body" -> {
        if (bytes.length == 0) {
          bytes = change.text().getBytes(StandardCharsets.UTF_8);
        } else {
          bytes = bytes.clone();
          bytes[change.position() % bytes.length] ^= 0x01;
        }
      }
      case "path" -> path = path + "/" + SigV4.encode(change.text());
      case "query" ->
          rawQuery =
              (rawQuery == null ? "" : rawQuery + "&") + "x" + SigV4.encode(change.text()) + "=1";
      case "method" -> method = "PUT";
      case "signature" ->
          headers.put(
              "authorization", List.of(flipLastHexDigit(headers.get("authorization").get(0))));
      case "date" ->
          headers.put(
              "x-amz-date",
              List.of(
                  SignatureVerifier.AMZ_DATE.format(NOW.plusSeconds(1 + change.position() % 200))));
      case "token" -> headers.put("x-amz-security-token", List.of("role-token" + change.text()));
      case "host" -> headers.put("host", List.of("127.0.0.1:" + (4600 + change.position())));
      default -> headers.put("content-type", List.of("text/" + change.text()));
    }
    SignedRequest changed = new SignedRequest(method, path, rawQuery, headers, bytes);

    assertThatThrownBy(() -> verifier.verify(changed, "execute-api"))
        .isInstanceOf(AuthFailure.class);
  }

  @Property(tries = 300)
  void anAuthorizationHeaderOfPieces_isRefusedWithAnAuthFailure(
      @ForAll("authorizations") String authorization, @ForAll("dates") String amzDate) {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("host", List.of("127.0.0.1:4599"));
    headers.put("authorization", List.of(authorization));
    if (!amzDate.isEmpty()) {
      headers.put("x-amz-date", List.of(amzDate));
    }
    SignedRequest request =
        new SignedRequest("POST", "/prod/jobs", "a=%zz&b", headers, new byte[0]);

    assertThatThrownBy(() -> verifier.verify(request, "execute-api"))
        .isInstanceOf(AuthFailure.class);
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.strings().ofMaxLength(200);
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.of("", "a=1", "z=%20&a=x%2By", "empty=&b=2&b=1", "k");
  }

  @Provide
  Arbitrary<String> dates() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "20260304T050607Z", "2026", "20260304T05060Z", "99999999T999999Z"),
        Arbitraries.strings().ofMaxLength(20));
  }

  @Provide
  Arbitrary<String> authorizations() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "AWS4-HMAC-SHA256 ",
                "Credential=",
                "ASIAROLE/",
                "test/",
                "20260304/",
                "us-east-1/",
                "execute-api/",
                "aws4_request",
                ", ",
                ",",
                "SignedHeaders=",
                "host;x-amz-date",
                "host",
                ";",
                "Signature=",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "/",
                "="),
            Arbitraries.strings().ofMaxLength(6));
    return piece.list().ofMaxSize(16).map(pieces -> String.join("", pieces));
  }

  private static String flipLastHexDigit(String authorization) {
    char last = authorization.charAt(authorization.length() - 1);
    return authorization.substring(0, authorization.length() - 1) + (last == '0' ? '1' : '0');
  }
}
