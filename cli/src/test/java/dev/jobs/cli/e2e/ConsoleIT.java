package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs console} as an operator uses it, through its HTTP alone: the built {@code jobs} on
 * the {@code PATH} serves the console of a local runtime of the test's own, with real jobs; the
 * test is the browser (the printed URL, the cookie, the forms and their CSRF token).
 */
class ConsoleIT {
  @TempDir Path home;
  ConsoleSession console;
  String base;
  String cookie;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startRuntimeAndConsole() throws Exception {
    console = ConsoleSession.start(home);
    base = console.base();
    HttpResponse<String> visit = send(HttpRequest.newBuilder(URI.create(console.url())).GET());
    assertThat(visit.statusCode()).isEqualTo(303);
    String setCookie = visit.headers().firstValue("Set-Cookie").orElseThrow();
    cookie = setCookie.substring(0, setCookie.indexOf(';'));
  }

  @AfterEach
  void stopConsoleAndRuntime() throws Exception {
    if (console != null) {
      console.close();
    }
  }

  @Test
  void consoleOfALocalRuntime_listsFailures_escapesScripts_cancels_andReDrivesAGroup()
      throws Exception {
    console.submitFailedJobs();
    String running = console.bash("jobs submit --seconds 120").out().strip();

    String failed = page("/?status=FAILED&window=1h");
    assertThat(failed)
        .contains("href=\"/jobs/flaky-a\"")
        .contains("href=\"/jobs/flaky-b\"")
        .contains("href=\"/jobs/script-job\"")
        .doesNotContain("href=\"/jobs/" + running + "\"");

    String scriptJob = page("/jobs/script-job");
    assertThat(scriptJob)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert");

    console.awaitStatus(running, "RUNNING");
    String runningPage = page("/jobs/" + running);
    HttpResponse<String> cancelled =
        post("/jobs/" + running + "/cancel", "csrf=" + csrf(runningPage));
    assertThat(cancelled.statusCode()).isEqualTo(303);
    console.awaitStatus(running, "CANCELLED");

    String failures = page("/failures?window=1h");
    Matcher group =
        Pattern.compile(
                "<tr><td>flaky</td><td title=\"dev\\.jobs\\.kind\\.JobFailedException\">.*?"
                    + "href=\"(/failures/preview\\?[^\"]+)\"")
            .matcher(failures);
    assertThat(group.find()).as(failures).isTrue();
    String preview = page(group.group(1).replace("&amp;", "&"));
    assertThat(preview)
        .contains("Would re-drive 2 jobs")
        .contains("value=\"flaky-a\"")
        .contains("value=\"flaky-b\"")
        .doesNotContain("value=\"script-job\"");
    HttpResponse<String> summary =
        post("/failures/redrive", "csrf=" + csrf(preview) + "&id=flaky-a&id=flaky-b");
    assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
    assertThat(summary.body()).contains("re-driven 2");
    console.awaitStatus("flaky-a", "SUCCEEDED");
    console.awaitStatus("flaky-b", "SUCCEEDED");
    assertThat(page("/jobs/flaky-a")).contains("succeeded on attempt 2");
  }

  private String page(String path) throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie));
    assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Cookie", cookie)
            .header("Origin", base)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String csrf(String html) {
    Matcher matcher = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(matcher.find()).as(html).isTrue();
    return matcher.group(1);
  }
}
