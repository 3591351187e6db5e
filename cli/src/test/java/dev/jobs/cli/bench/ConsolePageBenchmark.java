package dev.jobs.cli.bench;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.backend.store.JobStoreException;
import dev.jobs.cli.api.JobQuery;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.api.RetryPolicy;
import dev.jobs.cli.console.Console;
import dev.jobs.cli.console.ConsoleServer;
import dev.jobs.cli.core.Environment;
import dev.jobs.local.ApiClient;
import dev.jobs.local.LocalRuntime;
import dev.jobs.local.RuntimeOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The console's pages with many jobs in the store: fills a local runtime's store with finished jobs
 * spread over the last 24 hours (the jobs page's default window, so that every one of them is in
 * it; through the store, 64 threads, as {@code StatsBenchmark} does), 10% of them FAILED, starts
 * the console on it in this process, and times each page as the browser asks for it (loopback HTTP,
 * the cookie): the whole time the server takes, its calls to the runtime's API included.
 *
 * <pre>
 * cli/bench/console-pages.sh 100000
 * </pre>
 *
 * Prints figures (median and max of 21 requests after 5 of warm-up); asserts nothing.
 */
public final class ConsolePageBenchmark {
  private static final Duration SPREAD = Duration.ofHours(23);
  private static final List<String> TYPES = List.of("sleep", "report", "flaky");
  private static final int REQUESTS = 21;

  private ConsolePageBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path directory = Files.createTempDirectory("console-bench-");
    AtomicReference<JobStore> table = new AtomicReference<>();
    LocalRuntime runtime =
        LocalRuntime.start(
            RuntimeOptions.defaults(directory, 0),
            store -> {
              table.set(store);
              return store;
            });
    try {
      long fillStart = System.nanoTime();
      fill(table.get(), jobs, Instant.now());
      System.out.printf(
          Locale.ROOT,
          "filled %,d finished jobs over the last 23 hours in %.1f s%n",
          jobs,
          (System.nanoTime() - fillStart) / 1e9);
      ApiClient role = ApiClient.forRole(runtime);
      Environment environment =
          new Environment(
              Map.of(), directory, false, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
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
      runtime.stop(Duration.ZERO);
    }
  }

  /** 90% SUCCEEDED, 10% FAILED, run times from 50 ms to about 15 minutes. */
  private static void fill(JobStore store, int jobs, Instant now) throws Exception {
    int threads = 64;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    var parameters = JobJson.MAPPER.createObjectNode().put("seconds", 1);
    var result = JobJson.MAPPER.createObjectNode().put("done", true);
    JobError error = new JobError("dev.jobs.kind.JobFailedException", "failed", "RetriesExhausted");
    long expires = now.plus(Duration.ofDays(30)).getEpochSecond();
    for (int t = 0; t < threads; t++) {
      int slice = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = slice; i < jobs; i += threads) {
                  String id = UUID.randomUUID().toString();
                  long offset = (long) i * 7919 % jobs * SPREAD.toMillis() / jobs;
                  Instant finished = now.minusMillis(offset);
                  long runMillis = (long) (50 * Math.pow(18_000, (i * 31L % 1000) / 1000.0));
                  Instant started = finished.minusMillis(runMillis);
                  String type = TYPES.get(i % TYPES.size());
                  retried(
                      () ->
                          store.start(
                              new JobStart(
                                  id, type, parameters, started, expires, null, 900, null)));
                  if (i % 10 == 0) {
                    retried(
                        () ->
                            store.fail(
                                new JobFailure(id, type, parameters, error, finished, expires)));
                  } else {
                    retried(() -> store.succeed(id, result, finished));
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();
  }

  /**
   * A write again after a refused commit (the WAL checkpoint can hold the lock under this load).
   */
  private static void retried(Supplier<?> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        write.get();
        return;
      } catch (JobStoreException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  private static void time(String name, Supplier<String> call) {
    String body = "";
    for (int i = 0; i < 5; i++) {
      body = call.get();
    }
    double[] millis = new double[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      long start = System.nanoTime();
      call.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "%-24s median %7.2f ms, max %7.2f ms (%d requests, %,d bytes)%n",
        name,
        millis[REQUESTS / 2],
        millis[REQUESTS - 1],
        REQUESTS,
        body.length());
  }
}
