package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.e2e.Shell.Run;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code jobs console} as an operator uses it, through its HTTP alone: the built {@code jobs} on
 * the {@code PATH} serves the console of a local runtime of the test's own, with real jobs; the
 * test is the browser (the printed URL, the cookie, the forms and their CSRF token).
 */
class ConsoleIT {
  static final Path ROOT = JobControlIT.ROOT;
  static final Pattern URL =
      Pattern.compile("console: ((http://127\\.0\\.0\\.1:\\d+)/\\?token=\\S+)");

  @TempDir Path home;
  Shell.Running console;
  String base;
  String cookie;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startRuntimeAndConsole() throws Exception {
    Run started = bash("jobs local start --detach --port 0 --concurrency 3");
    assertThat(started.exitCode()).as(started.err()).isZero();
    ProcessBuilder builder =
        new ProcessBuilder("bash", "--norc", "--noprofile", "-c", "exec env jobs console --no-open")
            .directory(home.toFile());
    environment(builder);
    console = Shell.start(builder, home);
    String url = awaitUrl();
    Matcher matcher = URL.matcher(url);
    assertThat(matcher.find()).as(url).isTrue();
    base = matcher.group(2);
    HttpResponse<String> visit = send(HttpRequest.newBuilder(URI.create(matcher.group(1))).GET());
    assertThat(visit.statusCode()).isEqualTo(303);
    String setCookie = visit.headers().firstValue("Set-Cookie").orElseThrow();
    cookie = setCookie.substring(0, setCookie.indexOf(';'));
  }

  @AfterEach
  void stopConsoleAndRuntime() throws Exception {
    if (console != null) {
      console.process().destroy();
      console.process().waitFor();
    }
    if (Files.exists(home.resolve("local/runtime.json"))) {
      bash("jobs local stop");
    }
    Shell.runtimesOf(home.resolve("local")).forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void consoleOfALocalRuntime_listsFailures_escapesScripts_cancels_andReDrivesAGroup()
      throws Exception {
    assertThat(bash("jobs submit --type flaky --param failures=1 --id flaky-a --wait").exitCode())
        .isEqualTo(ExitCode.JOB_FAILED);
    assertThat(bash("jobs submit --type flaky --param failures=1 --id flaky-b --wait").exitCode())
        .isEqualTo(ExitCode.JOB_FAILED);
    // A parameter the kind does not know: the job fails its validation, its parameters kept as
    // sent, and is a failure of another group than the flaky ones.
    assertThat(
            bash("jobs submit --type flaky --param failures=1"
                    + " --param 'note=<script>alert(1)</script>' --id script-job --wait")
                .exitCode())
        .isEqualTo(ExitCode.JOB_FAILED);
    String running = bash("jobs submit --seconds 120").out().strip();

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

    awaitStatus(running, "RUNNING", Duration.ofSeconds(60));
    String runningPage = page("/jobs/" + running);
    HttpResponse<String> cancelled =
        post("/jobs/" + running + "/cancel", "csrf=" + csrf(runningPage));
    assertThat(cancelled.statusCode()).isEqualTo(303);
    awaitStatus(running, "CANCELLED", Duration.ofSeconds(30));

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
    awaitStatus("flaky-a", "SUCCEEDED", Duration.ofSeconds(60));
    awaitStatus("flaky-b", "SUCCEEDED", Duration.ofSeconds(60));
    assertThat(page("/jobs/flaky-a")).contains("succeeded on attempt 2");
  }

  private String awaitUrl() throws Exception {
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline)) {
      String out = Files.readString(console.out(), StandardCharsets.UTF_8);
      if (URL.matcher(out).find()) {
        return out;
      }
      assertThat(console.process().isAlive())
          .as("jobs console runs: %s", Files.readString(console.err(), StandardCharsets.UTF_8))
          .isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("jobs console printed no URL");
  }

  private void awaitStatus(String id, String status, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    Optional<String> last = Optional.empty();
    while (Instant.now().isBefore(deadline)) {
      Run got = bash("jobs get " + id + " --output json");
      JsonNode record = Json.mapper().readTree(got.out());
      last = Optional.of(record.toString());
      if (status.equals(record.path("status").asString())) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(id + " is not " + status + ": " + last.orElse("no record"));
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

  private void environment(ProcessBuilder builder) {
    Map<String, String> environment = Shell.userEnvironment(builder, home);
    environment.put("JOBS_LOCAL_DIR", home.resolve("local").toString());
    environment.put("PATH", ROOT + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
  }

  private Run bash(String line) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash", "--norc", "--noprofile", "-c", OperatorStoryIT.SETUP + "\n" + line)
            .directory(home.toFile());
    environment(builder);
    return Shell.start(builder, home).finish(Duration.ofSeconds(300), line);
  }
}
