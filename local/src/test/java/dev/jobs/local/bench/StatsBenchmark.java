package dev.jobs.local.bench;

import dev.jobs.local.ApiClient;
import dev.jobs.local.ApiClient.Response;
import dev.jobs.local.LocalRuntime;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code jobs stats} and {@code jobs list} at a million jobs: fills a local runtime's store with
 * finished jobs spread over 30 days (directly: {@link StoreFill#fillFinished}; the counters are
 * kept as on any write), then times {@code GET /jobs/stats} for 1 day and 30 days and a page of
 * {@code GET /jobs} (20 jobs) for 1 and 31 days, signed as the CLI sends them; with the path of the
 * {@code jobs} launcher, also the built CLI itself ({@code jobs stats --since 1d|30d}, {@code jobs
 * list --since 1d|31d}, a fresh HOME, the runtime found by its {@code runtime.json}); and prints
 * the data directory's size.
 *
 * <pre>
 * mvn -B -q -o -pl local -am package -DskipTests dependency:build-classpath \
 *   -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp "local/target/test-classes:local/target/classes:$(cat local/target/test.classpath)" \
 *   dev.jobs.local.bench.StatsBenchmark 1000000 ./jobs   # [jobs] [jobs launcher]
 * </pre>
 *
 * With {@code JOBS_BENCH_DATA=DIR}, the store is filled in DIR and kept, and a run over a DIR
 * filled before measures without filling (its windows still end at the fill's time).
 *
 * <p>Prints figures; asserts nothing.
 */
public final class StatsBenchmark {
  private static final Duration SPREAD = Duration.ofDays(30);
  private static final int REQUESTS = 21;

  private StatsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path launcher = args.length > 1 ? Path.of(args[1]).toAbsolutePath() : null;
    // JOBS_BENCH_DATA=DIR keeps the filled store there, and a later run over the same DIR skips
    // the fill (a quarter of an hour at a million): measure again after a change, or when the
    // machine is quiet.
    String kept = System.getenv("JOBS_BENCH_DATA");
    StoreFill fill = kept == null ? StoreFill.start("stats-bench-") : StoreFill.in(Path.of(kept));
    LocalRuntime runtime = fill.runtime();
    Path directory = fill.directory();
    Path filledAt = directory.resolve("filled-at");
    try {
      Instant now;
      if (Files.exists(filledAt)) {
        now = Instant.parse(Files.readString(filledAt).strip());
        System.out.printf(Locale.ROOT, "filled before, at %s: %s%n", now, directory);
      } else {
        now = Instant.now();
        fill.fillFinished(jobs, SPREAD, now);
        if (kept != null) {
          Files.writeString(filledAt, now + "\n");
        }
      }
      ApiClient api = ApiClient.forRole(runtime);
      for (int days : List.of(1, 30)) {
        String window = window(now, days);
        time(
            "GET /jobs/stats, " + days + " day(s)",
            () -> check(api.stats(window), "total"),
            check(api.stats(window), "total"));
      }
      for (int days : List.of(1, 31)) {
        String window = window(now, days) + "&limit=20";
        time(
            "GET /jobs page of 20, " + days + " day(s)", () -> check(api.list(window), "jobs"), "");
      }
      if (launcher != null) {
        runtime.announce(ProcessHandle.current().pid());
        Path home = Files.createTempDirectory("stats-bench-home-");
        cli(launcher, home, directory, "stats", "--since", "1d");
        cli(launcher, home, directory, "stats", "--since", "30d");
        cli(launcher, home, directory, "list", "--since", "1d");
        cli(launcher, home, directory, "list", "--since", "31d");
      }
    } finally {
      fill.stop();
    }
    System.out.printf(
        Locale.ROOT, "data directory: %,.1f MB (%s)%n", size(directory) / 1e6, files(directory));
  }

  private static String window(Instant now, int days) {
    Instant until = now.plusSeconds(60);
    return "since="
        + URLEncoder.encode(until.minus(Duration.ofDays(days)).toString(), StandardCharsets.UTF_8)
        + "&until="
        + URLEncoder.encode(until.toString(), StandardCharsets.UTF_8);
  }

  private static String check(Response response, String field) {
    if (response.status() != 200 || !response.body().has(field)) {
      throw new IllegalStateException("unexpected answer " + response.status() + response.text());
    }
    return field.equals("total") ? response.body().get("total").toString() : "";
  }

  private static void time(String name, Supplier<String> call, String note) {
    Latencies took = Latencies.of(5, REQUESTS, call::get);
    System.out.printf(
        Locale.ROOT,
        "%-34s median %7.2f ms, max %7.2f ms (%d calls)%s%n",
        name,
        took.median(),
        took.max(),
        took.count(),
        note.isEmpty() ? "" : ", total " + note);
  }

  /** The built CLI, as a user types it: median wall time of 5 runs, and its first output line. */
  private static void cli(Path launcher, Path home, Path dataDir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    double[] seconds = new double[5];
    String first = "";
    for (int i = 0; i < seconds.length; i++) {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("HOME", home.toString());
      builder.environment().put("JOBS_LOCAL_DIR", dataDir.toString());
      long start = System.nanoTime();
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      seconds[i] = (System.nanoTime() - start) / 1e9;
      if (exit != 0) {
        throw new IllegalStateException("jobs " + String.join(" ", args) + " exited " + exit + out);
      }
      first = out.lines().findFirst().orElse("");
    }
    Arrays.sort(seconds);
    System.out.printf(
        Locale.ROOT,
        "jobs %-22s median %.3f s of 5 (%s)%n",
        String.join(" ", args),
        seconds[2],
        first);
  }

  private static long size(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(StatsBenchmark::sizeOf).sum();
    }
  }

  private static String files(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return String.join(
          ", ",
          files
              .filter(Files::isRegularFile)
              .sorted()
              .map(
                  file ->
                      String.format(
                          Locale.ROOT, "%s %,.1f MB", file.getFileName(), sizeOf(file) / 1e6))
              .toList());
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
