package dev.jobs.cli.bench;

import dev.jobs.local.RuntimeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local runtime's accepted submits under {@code wrk}: a fresh runtime (started as {@code jobs
 * local start --detach} runs it), one long job holding its only worker so every other job stays
 * queued (the durable enqueue alone: each {@code 202} after its commit, {@code synchronous=FULL}),
 * then one signed {@code POST /jobs} replayed by {@code wrk} over C connections: the first S
 * seconds of the fresh runtime, then W seconds warm, then optionally F seconds more (to fill the
 * store), and the data directory's files (the WAL's bound) after the load pauses.
 *
 * <pre>
 * apt-get install wrk
 * mvn -B -q -o -pl cli -am package -DskipTests dependency:build-classpath \
 *   -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp "cli/target/test-classes:cli/target/classes:$(cat cli/target/test.classpath)" \
 *   dev.jobs.cli.bench.WrkBenchmark 32 10 20 0   # [connections] [first s] [warm s] [fill s]
 * </pre>
 *
 * Prints figures; asserts nothing.
 */
public final class WrkBenchmark {
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern P50 = Pattern.compile("\\n\\s+50%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern TOTAL = Pattern.compile("([0-9]+) requests in");
  private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)");

  private WrkBenchmark() {}

  public static void main(String... args) throws Exception {
    int connections = BenchmarkArgs.number(args, 0, 32);
    int first = BenchmarkArgs.number(args, 1, 10);
    int warm = BenchmarkArgs.number(args, 2, 20);
    int fill = BenchmarkArgs.number(args, 3, 0);
    System.out.println("cores: " + Runtime.getRuntime().availableProcessors());
    Path dataDir = Files.createTempDirectory("jobs-wrk-");
    Process runtime = SubmitBenchmark.startRuntime(dataDir, "--concurrency=1");
    long accepted = 0;
    try {
      SubmitBenchmark client =
          new SubmitBenchmark(RuntimeFile.read(dataDir).orElseThrow().endpoint());
      // A sleep of 600 s holds the single worker: every job after it stays queued.
      if (client.post("{\"seconds\":600}").status() != 202) {
        throw new IllegalStateException("the runtime refused the holding job");
      }
      Path script = dataDir.resolve("post.lua");
      String body = "{\"seconds\":1}";
      Files.writeString(script, lua(body, client.signedPost(body)), StandardCharsets.UTF_8);
      accepted +=
          wrk(
              "first " + first + " s of a fresh runtime",
              connections,
              first,
              script,
              client,
              runtime);
      accepted += wrk("warm, the next " + warm + " s", connections, warm, script, client, runtime);
      if (fill > 0) {
        accepted += wrk("fill, " + fill + " s more", connections, fill, script, client, runtime);
      }
      Thread.sleep(2000); // the load pauses: the WAL is truncated
      System.out.printf(
          Locale.ROOT,
          "after %,d accepted submits, load paused 2 s: %s; runtime RSS %d MB%n",
          accepted,
          files(dataDir),
          SubmitBenchmark.rssMb(runtime.pid()));
    } finally {
      SubmitBenchmark.stop(runtime);
    }
  }

  /** One run of wrk; prints its figures and answers the accepted count. */
  static long wrk(
      String name,
      int connections,
      int seconds,
      Path script,
      SubmitBenchmark client,
      Process runtime)
      throws IOException, InterruptedException {
    SubmitBenchmark.CpuTimes cpu = SubmitBenchmark.CpuTimes.of(runtime);
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "-s",
                script.toString(),
                client.apiUrl() + "/jobs")
            .redirectErrorStream(true)
            .start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0 || !RATE.matcher(out).find()) {
      throw new IllegalStateException("wrk failed:\n" + out);
    }
    long total = Long.parseLong(first(TOTAL, out));
    long refused = out.contains("Non-2xx") ? Long.parseLong(first(ERRORS, out)) : 0;
    System.out.printf(
        Locale.ROOT,
        "wrk %d connections, %-32s %,9.0f submits/s, p50 %7.2f ms, p99 %7.2f ms (%,d accepted,"
            + " %,d refused; runtime CPU %.0f us a submit, %.0f%% of it the JIT's)%n",
        connections,
        name + ":",
        Double.parseDouble(first(RATE, out)),
        millis(P50, out),
        millis(P99, out),
        total - refused,
        refused,
        cpu.runtimeSeconds() * 1e6 / Math.max(1, total),
        100 * cpu.compilerSeconds() / Math.max(0.01, cpu.runtimeSeconds()));
    return total - refused;
  }

  static String lua(String body, Map<String, List<String>> headers) {
    StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\n");
    lua.append("wrk.body = ").append(quoted(body)).append('\n');
    headers.forEach(
        (name, values) -> {
          if (!name.equals("host") && !name.equals("content-length")) {
            lua.append("wrk.headers[")
                .append(quoted(name))
                .append("] = ")
                .append(quoted(String.join(",", values)))
                .append('\n');
          }
        });
    return lua.toString();
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String first(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + pattern + " in wrk's output:\n" + text);
    }
    return matcher.group(1);
  }

  private static double millis(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + pattern + " in wrk's output:\n" + text);
    }
    double value = Double.parseDouble(matcher.group(1));
    return switch (matcher.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }

  private static String files(Path directory) throws IOException {
    StringBuilder sizes = new StringBuilder();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        String name = String.valueOf(file.getFileName());
        if (name.startsWith("jobs.db")) {
          sizes.append(String.format(Locale.ROOT, "%s %.1f MB, ", name, Files.size(file) / 1e6));
        }
      }
    }
    return sizes.isEmpty() ? "no database" : sizes.substring(0, sizes.length() - 2);
  }
}
