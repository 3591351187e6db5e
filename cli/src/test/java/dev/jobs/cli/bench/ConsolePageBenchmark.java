package dev.jobs.cli.bench;

import dev.jobs.cli.api.JobQuery;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.api.RetryPolicy;
import dev.jobs.cli.console.Console;
import dev.jobs.cli.console.ConsoleServer;
import dev.jobs.cli.core.Environment;
import dev.jobs.local.ApiClient;
import dev.jobs.local.LocalRuntime;
import dev.jobs.local.bench.Latencies;
import dev.jobs.local.bench.StoreFill;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The console's pages with many jobs in the store: fills a local runtime's store with finished jobs
 * spread over the last 23 hours (within the jobs page's default window of 24, so that every one of
 * them is in it; through the store, as {@code StatsBenchmark} does: {@link
 * StoreFill#fillFinished}), 10% of them FAILED, starts the console on it in this process, and times
 * each page as the browser asks for it (loopback HTTP, the cookie): the whole time the server
 * takes, its calls to the runtime's API included.
 *
 * <pre>
 * cli/bench/console-pages.sh 100000
 * </pre>
 *
 * Prints figures (median and max of 21 requests after 5 of warm-up); asserts nothing.
 */
public final class ConsolePageBenchmark {
  private static final Duration SPREAD = Duration.ofHours(23);
  private static final int REQUESTS = 21;

  private ConsolePageBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jobs = BenchmarkArgs.number(args, 0, 100_000);
    StoreFill fill = StoreFill.start("console-bench-");
    LocalRuntime runtime = fill.runtime();
    try {
      fill.fillFinished(jobs, SPREAD, Instant.now());
      ApiClient role = ApiClient.forRole(runtime);
      Environment environment =
          new Environment(
              Map.of(),
              fill.directory(),
              false,
              Clock.systemUTC(),
              d -> Thread.sleep(d.toMillis()));
      JobsClient api =
          new JobsClient(
              URI.create(runtime.stack().apiUrl()),
              new JobsClient.Signer(
                  runtime.stack().region(),
                  StaticCredentialsProvider.create(
                      AwsSessionCredentials.create(role.keyId(), role.secret(), role.token())),
                  "the runtime's role"),
              UrlConnectionHttpClient.create(),
              RetryPolicy.DEFAULT,
              environment,
              null);
      // What the jobs page asks the API for, timed apart: its counts and its first page.
      Instant now = Instant.now();
      Instant dayAgo = now.minus(Duration.ofDays(1));
      time("API GET /jobs/stats, 24 h", () -> api.stats(dayAgo, now, null, 0).orElseThrow());
      time(
          "API GET /jobs, a page of 50, 24 h",
          () -> api.list(new JobQuery(null, dayAgo, now, 50, null, null, null, null)).body());
      Console.LogLines noLogs = record -> List.of();
      try (ConsoleServer server =
          ConsoleServer.start(
              new Console("local", api, noLogs, Console.Alarms.NONE, environment), 0)) {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> visit =
            http.send(
                HttpRequest.newBuilder(URI.create(server.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = visit.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String base = "http://127.0.0.1:" + server.address().getPort();
        for (String path :
            List.of("/", "/?status=FAILED", "/?window=1h", "/health", "/health?window=7d")) {
          time(
              "GET " + path,
              () -> {
                try {
                  HttpResponse<String> page =
                      http.send(
                          HttpRequest.newBuilder(URI.create(base + path))
                              .header("Cookie", cookie)
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (page.statusCode() != 200) {
                    throw new IllegalStateException(path + ": " + page.statusCode() + page.body());
                  }
                  return page.body();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
        }
      }
    } finally {
      fill.stop();
    }
  }

  private static void time(String name, Supplier<String> call) {
    String body = call.get();
    Latencies took = Latencies.of(4, REQUESTS, call::get);
    System.out.printf(
        Locale.ROOT,
        "%-24s median %7.2f ms, max %7.2f ms (%d requests, %,d bytes)%n",
        name,
        took.median(),
        took.max(),
        took.count(),
        body.length());
  }
}
