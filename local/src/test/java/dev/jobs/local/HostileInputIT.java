package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.local.ApiClient.Response;
import dev.jobs.local.auth.SdkSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A running runtime under hostile and broken input (issue 14): every case is refused the way AWS or
 * HTTP would refuse it, and the runtime still runs a normal job afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {
  @TempDir static Path temporary;
  static Path dataDir;
  static LocalRuntime runtime;
  static ApiClient api;
  static int port;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    // Made beforehand with the modes a umask of 022 gives, as an older runtime left it.
    dataDir = temporary.resolve("data");
    Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(mode("rwxr-xr-x")));
    Files.createFile(
        dataDir.resolve("jobs.db"), PosixFilePermissions.asFileAttribute(mode("rw-r--r--")));
    runtime = LocalRuntime.start(RuntimeOptions.defaults(dataDir, 0));
    api = ApiClient.forRole(runtime);
    port = URI.create(runtime.endpoint()).getPort();
  }

  @AfterAll
  static void stop() {
    runtime.stop(Duration.ZERO);
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> mode(String text) {
    return PosixFilePermissions.fromString(text);
  }

  // 1. Availability

  @Test
  void submit_while200ClientsDripHeaders_isAnswered() throws Exception {
    List<Socket> slow = new ArrayList<>();
    ExecutorService drip = Executors.newSingleThreadExecutor();
    try {
      for (int i = 0; i < 200; i++) {
        slow.add(new Socket(InetAddress.getLoopbackAddress(), port));
      }
      byte[] header =
          "POST /prod/jobs HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaa"
              .getBytes(StandardCharsets.US_ASCII);
      drip.submit(
          () -> {
            for (byte b : header) {
              for (Socket socket : slow) {
                try {
                  socket.getOutputStream().write(b);
                } catch (IOException e) {
                  // closed by the server: holds nothing
                }
              }
              try {
                Thread.sleep(1000);
              } catch (InterruptedException e) {
                return;
              }
            }
          });
      Thread.sleep(2000); // every connection has started its request line

      // Generous, not a timing: without an answer the submit would wait for minutes.
      Response submitted =
          CompletableFuture.supplyAsync(() -> api.submit("{\"type\":\"noop\"}"))
              .get(30, TimeUnit.SECONDS);

      assertThat(submitted.status()).isEqualTo(202);
    } finally {
      drip.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  // 2. Headers and framing

  @Test
  void request_withHeadersOverTheLimit_isAnswered431() throws IOException {
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      headers.append("X-Filler-").append(i).append(": ").append("v".repeat(100)).append("\r\n");
    }

    String answer = raw("GET /prod/jobs HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n");

    assertThat(statusLine(answer)).contains(" 431 ");
  }

  @Test
  void request_withMalformedChunkedBody_isAnswered400() throws IOException {
    String answer =
        raw(
            "POST /prod/jobs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\nnot a chunk\r\n0\r\n\r\n");

    assertThat(statusLine(answer)).contains(" 400 ");
  }

  @Test
  void http11Request_withoutHostOrWithTwo_isAnswered400() throws IOException {
    assertThat(statusLine(raw("GET /prod/jobs HTTP/1.1\r\n\r\n"))).contains(" 400 ");
    assertThat(statusLine(raw("GET /prod/jobs HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")))
        .contains(" 400 ");
  }

  // 3. A signed body over the limit

  @Test
  void signedPostOf10Megabytes_isAnswered413BeforeItsBodyIsSent() throws IOException {
    String body = "{\"seconds\":1,\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
    URI uri = URI.create(runtime.stack().apiUrl() + "/jobs");
    Map<String, List<String>> signed = signedHeaders("POST", uri, body, roleKeys());
    StringBuilder request = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\n");
    signed.forEach(
        (name, values) ->
            values.forEach(v -> request.append(name).append(": ").append(v).append("\r\n")));
    request.append("Content-Length: ").append(body.length()).append("\r\n\r\n");

    // Only the headers and 64 KB of the body are sent: the answer must not wait for the rest.
    String answer = raw(request + body.substring(0, 64 * 1024));

    assertThat(statusLine(answer)).contains(" 413 ");
  }

  @Test
  void signedChunkedPostOverTheLimit_isAnswered413() throws IOException {
    URI uri = URI.create(runtime.stack().apiUrl() + "/jobs");
    Map<String, List<String>> signed = signedHeaders("POST", uri, "{}", roleKeys());
    StringBuilder request = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\n");
    signed.forEach(
        (name, values) ->
            values.forEach(v -> request.append(name).append(": ").append(v).append("\r\n")));
    request.append("Transfer-Encoding: chunked\r\n\r\n");
    String chunk = "x".repeat(64 * 1024);
    for (int i = 0; i < 161; i++) { // 10 MiB and 64 KiB, past API Gateway's 10 MiB, no last chunk
      request
          .append(Integer.toHexString(chunk.length()))
          .append("\r\n")
          .append(chunk)
          .append("\r\n");
    }

    assertThat(statusLine(raw(request.toString()))).contains(" 413 ");
  }

  // 7. Operator keys with a session token, through STS and EventBridge

  @Test
  void operatorKeysWithABogusSessionToken_areInvalidClientTokenId() throws Exception {
    Keys bogus = new Keys(operatorKeys().keyId, operatorKeys().secret, "bogus");

    HttpResponse<String> sts = sts("Action=GetCallerIdentity&Version=2011-06-15", bogus);
    HttpResponse<String> events = events("ListArchives", "{}", bogus);

    assertThat(sts.statusCode()).isEqualTo(403);
    assertThat(sts.body()).contains("<Code>InvalidClientTokenId</Code>");
    assertThat(events.statusCode()).isEqualTo(400);
    assertThat(events.body()).contains("UnrecognizedClientException");
  }

  // 8. RoleSessionName

  @Test
  void assumeRole_withASessionNameOutsideStsConstraint_isValidationError() throws Exception {
    for (String name : new String[] {"a", "a%2Fb", "%3Cx%3E", "n".repeat(65)}) {
      HttpResponse<String> answer =
          sts(
              "Action=AssumeRole&Version=2011-06-15&RoleArn="
                  + runtime.stack().invokeRoleArn()
                  + "&RoleSessionName="
                  + name,
              operatorKeys());

      assertThat(answer.statusCode()).as(name).isEqualTo(400);
      assertThat(answer.body()).as(name).contains("<Code>ValidationError</Code>");
    }
  }

  // 9. Malformed input that gave 500

  @Test
  void assumeRole_withMalformedFormEncoding_is400() throws Exception {
    HttpResponse<String> answer =
        sts("Action=AssumeRole&Version=2011-06-15&RoleArn=%zz&RoleSessionName=ok", operatorKeys());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("<Code>InvalidQueryParameter</Code>");
  }

  @Test
  void startReplay_withAStartTimeThatIsNoTime_isValidationException() throws Exception {
    for (String start : new String[] {"\"yesterday\"", "1e30", "true"}) {
      HttpResponse<String> answer =
          events("StartReplay", replay("bad-start", start, "1700000000"), operatorKeys());

      assertThat(answer.statusCode()).as(start).isEqualTo(400);
      assertThat(answer.body()).as(start).contains("ValidationException");
    }
  }

  @Test
  void putEvents_withATimeThatIsNoTime_failsThatEntry() throws Exception {
    HttpResponse<String> answer =
        events(
            "PutEvents",
            "{\"Entries\":[" + entry("\"{}\"", ",\"Time\":\"noon\"") + "]}",
            operatorKeys());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertOnlyEntryFailed(answer, "InvalidArgument");
  }

  // 10. ReplayName, entry size, Detail

  @Test
  void startReplay_withANameOutsideTheConstraint_isValidationException() throws Exception {
    for (String name : new String[] {"r".repeat(65), "a b", "a/../x", ""}) {
      HttpResponse<String> answer =
          events("StartReplay", replay(name, "1600000000", "1700000000"), operatorKeys());

      assertThat(answer.statusCode()).as(name).isEqualTo(400);
      assertThat(answer.body()).as(name).contains("ValidationException");
    }
  }

  @Test
  void putEvents_withEntriesOver256Kilobytes_isRefused() throws Exception {
    String detail = "\"{\\\"pad\\\":\\\"" + "x".repeat(256 * 1024) + "\\\"}\"";

    HttpResponse<String> answer =
        events("PutEvents", "{\"Entries\":[" + entry(detail, "") + "]}", operatorKeys());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("ValidationException");
  }

  @Test
  void putEvents_withADetailThatIsNotAString_failsThatEntry() throws Exception {
    HttpResponse<String> answer =
        events("PutEvents", "{\"Entries\":[" + entry("{\"a\":1}", "") + "]}", operatorKeys());

    assertOnlyEntryFailed(answer, "MalformedDetail");
  }

  /** PutEvents' answer to a request of one entry, which failed with that code. */
  private static void assertOnlyEntryFailed(HttpResponse<String> answer, String errorCode) {
    JsonNode result = json(answer);
    assertThat(result.get("FailedEntryCount").asInt()).isEqualTo(1);
    assertThat(result.get("Entries").get(0).get("ErrorCode").asString()).isEqualTo(errorCode);
  }

  // 11. Files

  @Test
  void dataDirectory_andItsSecrets_areTheOwnersOnly() throws IOException {
    RuntimeFile.of(runtime, ProcessHandle.current().pid()).write(dataDir);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
        .isEqualTo("rwx------");
    for (String name : new String[] {"jobs.db", "jobs.db-wal", "jobs.db-shm", "runtime.json"}) {
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(name))))
          .as(name)
          .isEqualTo("rw-------");
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void afterAllOfThat_aNormalJobSucceeds() {
    String id = api.submit("{\"type\":\"noop\"}").body().get("id").asString();

    assertThat(api.awaitTerminal(id, Duration.ofSeconds(20)).get("status").asString())
        .isEqualTo("SUCCEEDED");
  }

  // Helpers

  private record Keys(String keyId, String secret, String token) {}

  private static Keys operatorKeys() {
    return new Keys(runtime.options().accessKeyId(), runtime.options().secretAccessKey(), null);
  }

  private static Keys roleKeys() {
    return new Keys(api.keyId(), api.secret(), api.token());
  }

  /** The headers of a request signed with these keys for execute-api in us-east-1. */
  private static Map<String, List<String>> signedHeaders(
      String method, URI uri, String body, Keys keys) {
    return signedHeaders(method, uri, body, keys, "execute-api");
  }

  private static Map<String, List<String>> signedHeaders(
      String method, URI uri, String body, Keys keys, String service) {
    return SdkSigner.sign(
        method,
        uri,
        body,
        keys.keyId,
        keys.secret,
        keys.token,
        "us-east-1",
        service,
        Clock.systemUTC());
  }

  private static HttpResponse<String> sts(String form, Keys keys) throws Exception {
    return post("sts", Map.of(), form, keys);
  }

  private static HttpResponse<String> events(String operation, String body, Keys keys)
      throws Exception {
    return post(
        "events",
        Map.of("X-Amz-Target", "AWSEvents." + operation), // the signed Content-Type stays
        body,
        keys);
  }

  private static HttpResponse<String> post(
      String service, Map<String, String> extra, String body, Keys keys) throws Exception {
    URI uri = URI.create(runtime.endpoint() + "/");
    Map<String, List<String>> headers = signedHeaders("POST", uri, body, keys, service);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(
        (name, values) -> {
          if (!name.equals("host") && !name.equals("content-length")) {
            values.forEach(value -> request.header(name, value));
          }
        });
    extra.forEach(request::setHeader);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String replay(String name, String start, String end) {
    String account = "arn:aws:events:us-east-1:000000000000:";
    return "{\"ReplayName\":\""
        + name
        + "\",\"EventSourceArn\":\""
        + account
        + "archive/"
        + runtime.stack().archiveName()
        + "\",\"Destination\":{\"Arn\":\""
        + account
        + "event-bus/"
        + runtime.stack().busName()
        + "\"},\"EventStartTime\":"
        + start
        + ",\"EventEndTime\":"
        + end
        + "}";
  }

  private static String entry(String detail, String more) {
    return "{\"Source\":\"test\",\"DetailType\":\"t\",\"EventBusName\":\""
        + runtime.stack().busName()
        + "\",\"Detail\":"
        + detail
        + more
        + "}";
  }

  private static JsonNode json(HttpResponse<String> answer) {
    return dev.jobs.backend.job.JobJson.MAPPER.readTree(answer.body());
  }

  /**
   * Sends bytes as they are, from a thread of their own, and reads the answer meanwhile: a server
   * that answers before taking the whole request may then reset the connection.
   */
  private static String raw(String request) throws IOException {
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      writer.submit(
          () -> {
            try {
              out.write(request.getBytes(StandardCharsets.ISO_8859_1));
              out.flush();
            } catch (IOException e) {
              // the server answered and closed before taking all of it
            }
          });
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        int read;
        while ((read = in.read(buffer)) > 0) {
          answer.write(buffer, 0, read);
          if (answer.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            break;
          }
        }
      } catch (IOException e) {
        // a reset after the answer
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    } finally {
      writer.shutdownNow();
    }
  }

  private static String statusLine(String answer) {
    int end = answer.indexOf("\r\n");
    return (end < 0 ? answer : answer.substring(0, end)).toLowerCase(Locale.ROOT) + " ";
  }
}
