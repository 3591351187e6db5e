package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.local.auth.SdkSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * Generated requests at a running runtime's port: any method, target, headers, body and framing is
 * answered (within 10 s), never with a 5xx, and never accepted without a valid signature; a signed
 * request changed in one byte is refused. A normal job still succeeds afterwards.
 */
class HttpEdgePropertyIT {
  private static LocalRuntime runtime;
  private static ApiClient api;
  private static int port;

  @BeforeContainer
  static void start() throws IOException {
    Path directory = Files.createTempDirectory("http-edge-");
    runtime = LocalRuntime.start(RuntimeOptions.defaults(directory, 0));
    api = ApiClient.forRole(runtime);
    port = URI.create(runtime.endpoint()).getPort();
  }

  @AfterContainer
  static void aNormalJobStillSucceeds() {
    try {
      String id = api.submit("{\"type\":\"noop\"}").body().get("id").asString();
      assertThat(api.awaitTerminal(id, Duration.ofSeconds(20)).get("status").asString())
          .isEqualTo("SUCCEEDED");
    } finally {
      runtime.stop(Duration.ZERO);
    }
  }

  record Header(String name, String value) {}

  @Property(tries = 400)
  void anyRequest_isAnsweredWithoutA5xxAndNotAccepted(
      @ForAll("methods") String method,
      @ForAll("targets") String target,
      @ForAll("headerLists") List<Header> headers,
      @ForAll("bodies") String body,
      @ForAll("framings") String framing)
      throws IOException {
    StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
    headers.forEach(h -> request.append(h.name()).append(": ").append(h.value()).append("\r\n"));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    switch (framing) {
      case "length" ->
          request.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(body);
      case "chunked" ->
          request
              .append("Transfer-Encoding: chunked\r\n\r\n")
              .append(Integer.toHexString(bytes.length))
              .append("\r\n")
              .append(body)
              .append("\r\n0\r\n\r\n");
      default ->
          request.append("Transfer-Encoding: chunked\r\n\r\nzz\r\n").append(body).append("\r\n");
    }

    int status = statusOf(request.toString());

    assertThat(status).as(request.toString()).isBetween(400, 499);
  }

  @Property(tries = 100)
  void aSignedSubmitChangedInOneByte_isRefused(
      @ForAll("positions") int position, @ForAll("seconds") int seconds) throws IOException {
    String body = "{\"seconds\":" + seconds + "}";
    URI uri = URI.create(runtime.stack().apiUrl() + "/jobs");
    Map<String, List<String>> signed =
        SdkSigner.sign(
            "POST",
            uri,
            body,
            api.keyId(),
            api.secret(),
            api.token(),
            "us-east-1",
            "execute-api",
            Clock.systemUTC());
    byte[] changed = body.getBytes(StandardCharsets.UTF_8);
    int at = position % changed.length;
    changed[at] = (byte) (changed[at] == '1' ? '2' : '1');
    StringBuilder request = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\n");
    signed.forEach(
        (name, values) ->
            values.forEach(v -> request.append(name).append(": ").append(v).append("\r\n")));
    request
        .append("Connection: close\r\nContent-Length: ")
        .append(changed.length)
        .append("\r\n\r\n")
        .append(new String(changed, StandardCharsets.UTF_8));

    assertThat(statusOf(request.toString())).isEqualTo(403);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
  }

  @Provide
  Arbitrary<String> targets() {
    Arbitrary<String> known =
        Arbitraries.of(
            "/",
            "/prod",
            "/prod/jobs",
            "/prod/jobs/abc",
            "/prod/jobs?limit=x&next=%zz",
            "/prod/jobs/%zz",
            "/prod/jobs/a%2F..%2Fb",
            "/prod/../prod/jobs",
            "/prod/jobs/%00",
            "/?Action=AssumeRole",
            "*");
    Arbitrary<String> random =
        Arbitraries.strings()
            .withChars("abc/%.?=&+09zZ~-_")
            .ofMaxLength(30)
            .map(path -> "/" + path);
    return Arbitraries.oneOf(known, random);
  }

  @Provide
  Arbitrary<List<Header>> headerLists() {
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.of(
                "Authorization",
                "X-Amz-Date",
                "X-Amz-Target",
                "X-Amz-Security-Token",
                "X-Amz-Content-Sha256",
                "Content-Type",
                "Expect"),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(n -> "X-" + n));
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.of(
                "AWS4-HMAC-SHA256 Credential=test/20260304/us-east-1/execute-api/aws4_request,"
                    + " SignedHeaders=host;x-amz-date, Signature=00",
                "AWS4-HMAC-SHA256 Credential=test/20260304/us-east-1/sts/aws4_request,"
                    + " SignedHeaders=host, Signature=abc",
                "AWS4-HMAC-SHA256 Credential=test/20260304/us-east-1/cloudformation/aws4_request",
                "AWS4-HMAC-SHA256",
                "AWSEvents.PutEvents",
                "AWSEvents.StartReplay",
                "AWSEvents.Nothing",
                "UNSIGNED-PAYLOAD",
                "20260304T050607Z",
                "100-continue",
                "application/x-www-form-urlencoded",
                ""),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).map(String::strip));
    return Combinators.combine(names, values).as(Header::new).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "{}",
            "{\"seconds\":1}",
            "{\"type\":\"noop\"}",
            "Action=AssumeRole&RoleArn=%zz&RoleSessionName=a/b",
            "Action=GetCallerIdentity",
            "{\"Entries\":[{\"Source\":\"s\",\"DetailType\":\"d\",\"Detail\":{},\"Time\":\"noon\"}]}",
            "{\"ReplayName\":\"a/../x\",\"EventStartTime\":\"yesterday\"}",
            "[",
            "null"),
        Arbitraries.strings().ofMaxLength(300));
  }

  @Provide
  Arbitrary<String> framings() {
    return Arbitraries.of("length", "chunked", "broken-chunked");
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 100);
  }

  @Provide
  Arbitrary<Integer> seconds() {
    return Arbitraries.integers().between(1, 99);
  }

  /** The answer's status code; fails when none comes within 10 s. */
  private static int statusOf(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      try {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
      } catch (IOException e) {
        // answered and closed before taking all of it; the answer is read below
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int read;
      try {
        while ((read = in.read()) >= 0 && read != '\n') {
          line.write(read);
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("no answer within 10 s to:\n" + request, e);
      }
      String status = line.toString(StandardCharsets.ISO_8859_1);
      String[] parts = status.split(" ");
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new AssertionError("no status line (" + status + ") for:\n" + request);
      }
      return Integer.parseInt(parts[1]);
    }
  }
}
