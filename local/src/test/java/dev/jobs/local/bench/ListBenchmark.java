package dev.jobs.local.bench;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.local.ApiClient;
import dev.jobs.local.ApiClient.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * How long the local runtime takes to answer a page of {@code GET /prod/jobs} with 100,000 jobs in
 * its store: a first page, a page of {@code status=FAILED}, and a page deep in the list through
 * {@code next}, each timed over signed requests as the CLI sends them (target: under 50 ms).
 *
 * <pre>
 * mvn -B -q -o -pl local -am package -DskipTests dependency:build-classpath \
 *   -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp "local/target/test-classes:local/target/classes:$(cat local/target/test.classpath)" \
 *   dev.jobs.local.bench.ListBenchmark 100000 200   # [jobs] [requests per measure]
 * </pre>
 *
 * The store is filled directly ({@link StoreFill}): 70% SUCCEEDED, 20% FAILED, 10% RUNNING, status
 * times spread over the last 7 days.
 */
public final class ListBenchmark {
  private static final int LIMIT = 100;
  private static final Duration SPREAD = Duration.ofDays(7);

  private ListBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    StoreFill runtime = StoreFill.start("list-bench-");
    try {
      Instant now = Instant.now();
      fill(runtime, jobs, now);
      ApiClient api = ApiClient.forRole(runtime.runtime());
      String window =
          "since="
              + URLEncoder.encode(now.minus(SPREAD).toString(), StandardCharsets.UTF_8)
              + "&until="
              + URLEncoder.encode(now.plusSeconds(1).toString(), StandardCharsets.UTF_8)
              + "&limit="
              + LIMIT;
      String deep = deepQuery(api, window, 500);
      measure(api, "first page (every status)", window, requests);
      measure(api, "first page, status=FAILED", window + "&status=FAILED", requests);
      measure(api, "page 501 via next (50,000 jobs in)", deep, requests);
    } finally {
      runtime.stop();
    }
  }

  private static void fill(StoreFill runtime, int jobs, Instant now) throws Exception {
    JobError error = StoreFill.ERRORS.get(0);
    long expires = StoreFill.expires(now);
    runtime.fill(
        jobs,
        (store, i) -> {
          String id = UUID.randomUUID().toString();
          Instant at = StoreFill.spreadOver(SPREAD, i, jobs, now);
          int kind = i * 7 % 10;
          if (kind < 2) {
            store.fail(new JobFailure(id, "noop", StoreFill.PARAMETERS, error, at, expires));
            return;
          }
          store.start(
              new JobStart(
                  id, "noop", StoreFill.PARAMETERS, at.minusSeconds(1), expires, null, null, null));
          if (kind < 9) {
            store.succeed(id, StoreFill.RESULT, at);
          }
        });
  }

  /** Follows {@code next} through {@code pages} pages; returns the query of the page after. */
  private static String deepQuery(ApiClient api, String window, int pages) {
    String query = window;
    for (int i = 0; i < pages; i++) {
      Response page = api.list(query);
      if (page.status() != 200 || !page.body().has("next")) {
        throw new IllegalStateException("page " + (i + 1) + ": " + page.status());
      }
      query = window + "&next=" + page.body().get("next").asString();
    }
    return query;
  }

  private static void measure(ApiClient api, String name, String query, int requests) {
    Latencies took = Latencies.of(50, requests, () -> check(api.list(query)));
    System.out.printf(
        Locale.ROOT,
        "%-36s %d requests of %d jobs: median %.2f ms, p99 %.2f ms, max %.2f ms%n",
        name,
        requests,
        LIMIT,
        took.median(),
        took.percentile(99),
        took.max());
  }

  private static void check(Response response) {
    if (response.status() != 200 || response.body().get("jobs").size() != LIMIT) {
      throw new IllegalStateException("unexpected answer " + response.status());
    }
    for (var job : response.body().get("jobs")) {
      JobStatus.valueOf(job.get("status").asString());
    }
  }
}
