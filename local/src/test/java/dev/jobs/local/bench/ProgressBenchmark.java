package dev.jobs.local.bench;

import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.store.ForwardingJobStore;
import dev.jobs.local.ApiClient;
import dev.jobs.local.LocalRuntime;
import dev.jobs.local.RuntimeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * What {@code JobContext.progress()} costs on the local runtime: jobs of the test kind {@code
 * report} call it in a tight loop for a few seconds, each through the runtime's own processing
 * function, and the job table counts the progress writes that reach it (at most one a second per
 * job, plus the last one flushed at the end) and times them.
 *
 * <pre>
 * mvn -B -q -o -pl local -am package -DskipTests dependency:build-classpath \
 *   -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp "local/target/test-classes:local/target/classes:$(cat local/target/test.classpath)" \
 *   dev.jobs.local.bench.ProgressBenchmark 5 1 20   # [seconds] [jobs at once]...
 * </pre>
 *
 * Prints figures; asserts nothing.
 */
public final class ProgressBenchmark {
  private ProgressBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<Integer> rounds = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      rounds.add(Integer.parseInt(args[i]));
    }
    if (rounds.isEmpty()) {
      rounds.addAll(List.of(1, 20));
    }
    Path directory = Files.createTempDirectory("progress-bench-");
    AtomicLong writes = new AtomicLong();
    AtomicLong writeNanos = new AtomicLong();
    LocalRuntime runtime =
        LocalRuntime.start(
            RuntimeOptions.defaults(directory, 0),
            store ->
                new ForwardingJobStore(store) {
                  @Override
                  public Heartbeat progress(
                      String id, int attempt, JobProgress progress, Instant at) {
                    long start = System.nanoTime();
                    try {
                      return super.progress(id, attempt, progress, at);
                    } finally {
                      writeNanos.addAndGet(System.nanoTime() - start);
                      writes.incrementAndGet();
                    }
                  }
                });
    try {
      ApiClient api = ApiClient.forRole(runtime);
      System.out.printf(
          Locale.ROOT,
          "%-6s %-18s %-22s %-16s %-14s%n",
          "jobs",
          "calls/s per job",
          "writes to the store",
          "writes/job-min",
          "ms per write");
      for (int jobs : rounds) {
        writes.set(0);
        writeNanos.set(0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
          ids.add(
              api.submit("{\"type\":\"report\",\"seconds\":" + seconds + "}")
                  .body()
                  .get("id")
                  .asString());
        }
        long calls = 0;
        for (String id : ids) {
          JsonNode job = api.awaitTerminal(id, Duration.ofSeconds(seconds + 60L));
          calls += job.get("result").get("calls").asLong();
        }
        long written = writes.get();
        System.out.printf(
            Locale.ROOT,
            "%-6d %-18s %-22s %-16.1f %-14.2f%n",
            jobs,
            String.format(Locale.ROOT, "%,.0f", calls / (double) jobs / seconds),
            String.format(Locale.ROOT, "%,d of %,d calls", written, calls),
            written * 60.0 / jobs / seconds,
            written == 0 ? 0 : writeNanos.get() / 1e6 / written);
      }
    } finally {
      runtime.stop(Duration.ZERO);
    }
  }
}
