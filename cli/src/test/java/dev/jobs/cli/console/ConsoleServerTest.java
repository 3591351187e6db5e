package dev.jobs.cli.console;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.api.RetryPolicy;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.logs.LogEvent;
import dev.jobs.cli.testing.FakeAws;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The console's server as a browser meets it, over HTTP on its loopback port, with the jobs API
 * played by WireMock: the guard's 403s, the headers of every answer, the pages and their escaping,
 * and the POSTs that cancel and re-drive through the signed API.
 */
class ConsoleServerTest {
  @RegisterExtension static final WireMockExtension wire = FakeAws.server();

  /** A job whose parameters, error and log try to run a script. */
  static final String SCRIPT_JOB =
      "{\"id\":\"script-job\",\"status\":\"FAILED\",\"type\":\"flaky\","
          + "\"parameters\":{\"failures\":1,\"note\":\"<script>alert(1)</script>\"},"
          + "\"attempts\":1,\"startedAt\":\"2026-11-29T10:00:00Z\","
          + "\"finishedAt\":\"2026-11-29T10:00:01Z\","
          + "\"error\":{\"type\":\"dev.jobs.kind.InvalidJobException\","
          + "\"message\":\"<img src=x onerror=alert(2)>\",\"condition\":\"ValidationFailed\"}}";

  static final String RUNNING =
      "{\"id\":\"job-1\",\"status\":\"RUNNING\",\"type\":\"sleep\",\"parameters\":{\"seconds\":60},"
          + "\"attempts\":1,\"startedAt\":\"2026-11-29T09:58:00Z\","
          + "\"progress\":{\"done\":12,\"total\":60,\"at\":\"2026-11-29T09:58:12Z\"}}";

  static final String QUEUED_AGAIN =
      "{\"id\":\"script-job\",\"status\":\"QUEUED\",\"type\":\"flaky\",\"attempts\":1,"
          + "\"queuedAt\":\"2026-11-29T10:05:00Z\"}";

  @TempDir Path home;
  ConsoleServer server;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startConsole() {
    Environment environment =
        new Environment(Map.of(), home, false, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    JobsClient api =
        new JobsClient(
            URI.create("http://127.0.0.1:" + wire.getPort() + "/prod"),
            new JobsClient.Signer(
                "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "secret")),
                "test keys"),
            UrlConnectionHttpClient.create(),
            RetryPolicy.DEFAULT,
            environment,
            null);
    Console.LogLines logs =
        record ->
            List.of(
                new LogEvent(
                    "e1",
                    Instant.parse("2026-11-29T10:00:00.5Z"),
                    record.id(),
                    1,
                    "WARN",
                    "printed </td><script>alert(3)</script>",
                    "{}"));
    server =
        ConsoleServer.start(new Console("local", api, logs, Console.Alarms.NONE, environment), 0);
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs"))
            .willReturn(FakeAws.json(200, "{\"jobs\":[" + SCRIPT_JOB + "," + RUNNING + "]}")));
    wire.stubFor(get("/prod/jobs/script-job").willReturn(FakeAws.json(200, SCRIPT_JOB)));
    wire.stubFor(get("/prod/jobs/job-1").willReturn(FakeAws.json(200, RUNNING)));
    wire.stubFor(get("/prod/jobs/gone").willReturn(FakeAws.jobNotFound()));
  }

  @AfterEach
  void stopConsole() {
    server.close();
  }

  String base() {
    return "http://127.0.0.1:" + server.address().getPort();
  }

  String cookie() throws Exception {
    HttpResponse<String> visit = send(HttpRequest.newBuilder(URI.create(server.url())).GET());
    String setCookie = visit.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A signed-in visit of {@code path}, with these more headers (names and values in turn). */
  HttpResponse<String> page(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie());
    return send(headers.length == 0 ? request : request.headers(headers));
  }

  HttpResponse<String> postForm(String path, String cookie, String form) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Cookie", cookie)
            .header("Origin", base())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  static String csrf(String html) {
    Matcher matcher = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(matcher.find()).as("a form with the CSRF token in %s", html).isTrue();
    return matcher.group(1);
  }

  static void hasSecurityHeaders(HttpResponse<?> response) {
    assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
  }

  @Test
  void server_listensOnTheLoopbackAddressOnly() {
    assertThat(server.address().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(server.url()).startsWith(base() + "/?token=");
  }

  @Test
  void noCookie_is403_withTheSecurityHeaders_andCallsNoApi() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + "/")));

    assertThat(response.statusCode()).isEqualTo(403);
    hasSecurityHeaders(response);
    wire.verify(0, getRequestedFor(urlPathEqualTo("/prod/jobs")));
  }

  @Test
  void printedUrl_setsAnHttpOnlyStrictCookie_andRedirectsToTheUrlWithoutTheToken()
      throws Exception {
    HttpResponse<String> visit = send(HttpRequest.newBuilder(URI.create(server.url())));

    assertThat(visit.statusCode()).isEqualTo(303);
    assertThat(visit.headers().firstValue("Location")).contains("/");
    assertThat(visit.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly")
        .contains("SameSite=Strict");
  }

  @Test
  void foreignHost_is403_evenWithTheCookie() throws Exception {
    String cookie = cookie();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET / HTTP/1.1\r\nHost: rebound.example:"
                  + server.address().getPort()
                  + "\r\nCookie: "
                  + cookie
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 403");
    }
  }

  @Test
  void foreignOrigin_is403() throws Exception {
    HttpResponse<String> response = page("/", "Origin", "http://evil.example");

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void postWithoutTheCsrfToken_is403_andCancelsNothing() throws Exception {
    wire.stubFor(post("/prod/jobs/job-1/cancel").willReturn(FakeAws.json(202, RUNNING)));

    HttpResponse<String> response = postForm("/jobs/job-1/cancel", cookie(), "");

    assertThat(response.statusCode()).isEqualTo(403);
    wire.verify(0, postRequestedFor(urlPathEqualTo("/prod/jobs/job-1/cancel")));
  }

  @Test
  void cancelWithTheCsrfToken_signsTheApiCall_andRedirectsBackToTheJob() throws Exception {
    wire.stubFor(post("/prod/jobs/job-1/cancel").willReturn(FakeAws.json(202, RUNNING)));
    String cookie = cookie();
    String html =
        send(HttpRequest.newBuilder(URI.create(base() + "/jobs/job-1")).header("Cookie", cookie))
            .body();

    HttpResponse<String> response = postForm("/jobs/job-1/cancel", cookie, "csrf=" + csrf(html));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location"))
        .contains("/jobs/job-1?outcome=cancel-requested");
    wire.verify(
        1,
        postRequestedFor(urlPathEqualTo("/prod/jobs/job-1/cancel"))
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.containing("AKIATEST")));
  }

  @Test
  void jobWithScriptInParametersErrorAndLog_rendersAsText() throws Exception {
    HttpResponse<String> response = page("/jobs/script-job");

    assertThat(response.statusCode()).isEqualTo(200);
    hasSecurityHeaders(response);
    String html = response.body();
    assertThat(html)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("printed &lt;/td&gt;&lt;script&gt;alert(3)&lt;/script&gt;")
        .doesNotContain("<script>alert")
        .doesNotContain("<img");
    // The one script element is the console's own file.
    assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(1);
    assertThat(html).contains("<script src=\"/static/console.js\" defer></script>");
    assertThat(html).contains("Re-drive").doesNotContain(">Cancel<");
  }

  @Test
  void jobsPage_countsByStatus_listsTheJobs_andFiltersThroughTheApi() throws Exception {
    HttpResponse<String> response = page("/?status=FAILED&window=1h");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("href=\"/jobs/script-job\"")
        .contains("<progress max=\"60\" value=\"12\"></progress>")
        .contains("InvalidJobException [ValidationFailed]")
        .contains("data-refresh=");
    wire.verify(
        getRequestedFor(urlPathEqualTo("/prod/jobs"))
            .withQueryParam("status", equalTo("FAILED"))
            .withQueryParam("limit", equalTo("50")));
  }

  @Test
  void jobsPage_countsByStatusWithOneStatsCall_notByListing_whenTheTargetHasStats()
      throws Exception {
    wire.stubFor(get(urlPathEqualTo("/prod/jobs/stats")).willReturn(FakeAws.json(200, STATS)));

    String html = page("/?window=1h").body();

    assertThat(html).contains("SUCCEEDED</span> <strong>5</strong>").doesNotContain("Counted from");
    wire.verify(1, getRequestedFor(urlPathEqualTo("/prod/jobs/stats")));
    wire.verify(
        0, getRequestedFor(urlPathEqualTo("/prod/jobs")).withQueryParam("limit", equalTo("100")));
  }

  @Test
  void liveFragment_isTheLivePartAlone_withTheNextRefresh() throws Exception {
    HttpResponse<String> response = page("/jobs/job-1", "X-Console-Fragment", "live");

    assertThat(response.body()).doesNotContain("<html").contains("12/60 (20%)");
    assertThat(response.headers().firstValue("X-Console-Refresh")).contains("2000");
  }

  @Test
  void badStatus_is400_inOneLine() throws Exception {
    HttpResponse<String> response = page("/?status=DONE");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("status: &#39;DONE&#39; is none of");
  }

  @Test
  void unknownJob_is404() throws Exception {
    assertThat(page("/jobs/gone").statusCode()).isEqualTo(404);
  }

  @Test
  void failures_groupByTypeErrorAndCondition_previewTouchesNothing_thenTheFormReDrives()
      throws Exception {
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs"))
            .withQueryParam("status", equalTo("FAILED"))
            .willReturn(FakeAws.json(200, "{\"jobs\":[" + SCRIPT_JOB + "]}")));
    wire.stubFor(
        post(urlPathEqualTo("/prod/jobs/script-job/retry"))
            .willReturn(FakeAws.json(202, QUEUED_AGAIN)));
    String cookie = cookie();

    String failures =
        send(HttpRequest.newBuilder(URI.create(base() + "/failures")).header("Cookie", cookie))
            .body();
    assertThat(failures).contains("ValidationFailed").contains("/failures/preview?");
    Matcher link = Pattern.compile("href=\"(/failures/preview\\?[^\"]+)\"").matcher(failures);
    assertThat(link.find()).isTrue();
    String preview =
        send(HttpRequest.newBuilder(URI.create(base() + link.group(1).replace("&amp;", "&")))
                .header("Cookie", cookie))
            .body();
    assertThat(preview)
        .contains("Would re-drive 1 jobs")
        .contains("<form method=\"post\" action=\"/failures/redrive\" id=\"redrive\"")
        // Each job a ticked box of that form: the form re-drives the jobs left ticked.
        .contains(
            "<input type=\"checkbox\" name=\"id\" checked form=\"redrive\""
                + " value=\"script-job\"");
    wire.verify(0, postRequestedFor(urlPathEqualTo("/prod/jobs/script-job/retry")));

    HttpResponse<String> summary =
        postForm("/failures/redrive", cookie, "csrf=" + csrf(preview) + "&id=script-job");

    assertThat(summary.statusCode()).isEqualTo(200);
    assertThat(summary.body()).contains("re-driven 1").contains("href=\"/jobs/script-job\"");
    wire.verify(1, postRequestedFor(urlPathEqualTo("/prod/jobs/script-job/retry")));
  }

  @Test
  void staticFiles_areServedWithTheirTypes_andTheHeaders() throws Exception {
    HttpResponse<String> script = page("/static/console.js");
    HttpResponse<String> css = page("/static/console.css");

    assertThat(script.headers().firstValue("Content-Type"))
        .contains("text/javascript; charset=utf-8");
    assertThat(script.body()).contains("X-Console-Fragment");
    assertThat(css.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
    hasSecurityHeaders(css);
    assertThat(page("/favicon.ico").statusCode()).isEqualTo(204);
  }

  static final String STATS =
      "{\"since\":\"2026-11-28T10:01:00Z\",\"until\":\"2026-11-29T10:01:00Z\",\"total\":7,"
          + "\"counts\":{\"QUEUED\":0,\"RUNNING\":1,\"SUCCEEDED\":5,\"FAILED\":1,\"CANCELLED\":0},"
          + "\"runTime\":{\"jobs\":6,\"p50Millis\":1200,\"p95Millis\":4100},"
          + "\"series\":[{\"since\":\"2026-11-28T10:01:00Z\",\"counts\":{\"SUCCEEDED\":48,"
          + "\"FAILED\":1},\"runTime\":{\"jobs\":48,\"p50Millis\":1200,\"p95Millis\":4100}},"
          + "{\"since\":\"2026-11-28T10:25:00Z\",\"counts\":{\"SUCCEEDED\":0},"
          + "\"runTime\":{\"jobs\":0}}]}";

  @Test
  void health_chartsTheSeriesOfOneStatsCall_perMinute_withTheChartLibraryFromTheJar()
      throws Exception {
    wire.stubFor(get(urlPathEqualTo("/prod/jobs/stats")).willReturn(FakeAws.json(200, STATS)));

    String html = page("/health").body();

    wire.verify(
        1,
        getRequestedFor(urlPathEqualTo("/prod/jobs/stats")).withQueryParam("step", equalTo("24")));
    // 48 jobs in a 24-minute point: 2.00 a minute; a point where none finished has no run time.
    assertThat(html)
        .contains("7 jobs in the last 24 hours; run time p50 1200 ms, p95 4100 ms over 6 finished")
        .contains("&quot;SUCCEEDED&quot;:[2.00,0.00]")
        .contains("&quot;p95&quot;:[4100,null]")
        .contains("<script src=\"/static/uPlot.iife.min.js\" defer></script>")
        .contains("keeps no alarms");
    HttpResponse<String> library = page("/static/uPlot.iife.min.js");
    assertThat(library.statusCode()).isEqualTo(200);
    assertThat(library.body()).contains("uPlot");
  }

  @Test
  void health_ofAStackWithoutStats_saysHowToGetThem() throws Exception {
    wire.stubFor(get(urlPathEqualTo("/prod/jobs/stats")).willReturn(FakeAws.jobNotFound()));

    assertThat(page("/health").body()).contains("has no <code>GET /jobs/stats</code>");
  }

  @Test
  void health_anUnknownWindow_isABadRequest() throws Exception {
    HttpResponse<String> answer = page("/health?window=2h");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("window: &#39;2h&#39; is none of");
  }
}
