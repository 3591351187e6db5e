package dev.jobs.backend.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.jobs.backend.store.MotoServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Prints the backend's figures: cold init (a fresh JVM on the Lambda artifact to the first handled
 * event, store on a loopback {@code moto_server}), warm per-event overhead of the handler path with
 * a job that does nothing, the cold start of the DynamoDB client per HTTP client, and the
 * artifact's size, and what SnapStart's snapshot holds and a restored copy pays, with the handler's
 * priming and without. A benchmark, not a test: run it by hand (see docs/benchmarks.md), never in
 * the build.
 *
 * <p>Options: {@code --runs N} cold starts per JVM flag set (default 10), {@code --events N} warm
 * events (default 20000 in memory, a tenth of it on moto_server), {@code --jar PATH} the Lambda
 * artifact, {@code --test-classes PATH}, {@code --client NAME=SERVICE_IMPL[=CLASSPATH]}
 * (repeatable) to compare HTTP clients besides url-connection, {@code --only restore} for the
 * SnapStart figures alone.
 */
public final class BackendBenchmark {
  /** What Lambda's java21 runtime sets in JAVA_TOOL_OPTIONS by default. */
  static final List<String> LAMBDA_FLAGS =
      List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

  static final String TABLE = "jobs";
  static final long MAX_ARTIFACT_BYTES = 12L * 1024 * 1024;

  private final Path jar;
  private final Path testClasses;
  private final int runs;
  private final int events;
  private final Map<String, String[]> clients;
  private final boolean restoreOnly;
  private Path services;
  private MotoServer moto;
  private URI endpoint;

  private BackendBenchmark(
      Path jar,
      Path testClasses,
      int runs,
      int events,
      Map<String, String[]> clients,
      boolean restoreOnly) {
    this.jar = jar;
    this.testClasses = testClasses;
    this.runs = runs;
    this.events = events;
    this.clients = clients;
    this.restoreOnly = restoreOnly;
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of("target", "backend-0.2.0-SNAPSHOT-lambda.jar");
    Path testClasses = Path.of("target", "test-classes");
    int runs = 10;
    int events = 20_000;
    boolean restoreOnly = false;
    Map<String, String[]> clients = new LinkedHashMap<>();
    clients.put(
        "url-connection",
        new String[] {"software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService", ""});
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jar" -> jar = Path.of(args[++i]);
        case "--test-classes" -> testClasses = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--events" -> events = Integer.parseInt(args[++i]);
        case "--client" -> {
          String[] parts = args[++i].split("=", 3);
          clients.put(parts[0], new String[] {parts[1], parts.length > 2 ? parts[2] : ""});
        }
        case "--only" -> {
          if (!args[++i].equals("restore")) {
            throw new IllegalArgumentException("--only takes restore, not " + args[i]);
          }
          restoreOnly = true;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: build it first (mvn package)");
    }
    if (!MotoServer.isInstalled()) {
      throw new IllegalStateException("moto_server is not on PATH: the benchmark needs it");
    }
    new BackendBenchmark(jar, testClasses, runs, events, clients, restoreOnly).run();
  }

  private void run() throws Exception {
    System.out.printf(
        "java %s, %d cores, load average %.2f, artifact %s%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        jar);
    services = NoOpJob.serviceEntry();
    List<List<String>> flagSets = List.of(LAMBDA_FLAGS, List.of());
    try (MotoServer server = MotoServer.start();
        DynamoDbClient dynamo = server.dynamoDb()) {
      moto = server;
      endpoint = server.endpoint();
      MotoServer.createJobsTable(dynamo, TABLE);
      restore();
      if (restoreOnly) {
        return;
      }
      // Runs of the variants alternate, so that load from other processes weighs on all alike.
      Map<String, Cold> cold = new LinkedHashMap<>();
      for (int i = 0; i < runs; i++) {
        for (List<String> flags : flagSets) {
          Child child =
              spawn(flags, "", ColdStart.class.getName(), "COLD", "cold-" + System.nanoTime());
          cold.computeIfAbsent(label(flags), k -> new Cold(runs)).add(i, child);
        }
      }
      for (List<String> flags : flagSets) {
        System.out.println();
        System.out.println("== " + label(flags));
        cold.get(label(flags))
            .print(
                "cold init, JVM start to first handled event (target at most 1.0 s)",
                "handler built (no-arg constructor)",
                "first event");
        warm(flags, "memory", events / 10, events);
        warm(flags, "canned", events / 10, events);
        warm(flags, "dynamodb", Math.max(50, events / 100), Math.max(100, events / 10));
      }
      System.out.println();
      System.out.println(
          "== DynamoDB client, JVM start to first GetItem+UpdateItem done, per HTTP client ("
              + label(LAMBDA_FLAGS)
              + ")");
      Map<String, Cold> perClient = new LinkedHashMap<>();
      for (int i = 0; i < runs; i++) {
        for (Map.Entry<String, String[]> client : clients.entrySet()) {
          List<String> flags = new ArrayList<>(LAMBDA_FLAGS);
          flags.add("-Dsoftware.amazon.awssdk.http.service.impl=" + client.getValue()[0]);
          Child child =
              spawn(
                  flags,
                  client.getValue()[1],
                  ClientColdStart.class.getName(),
                  "CLIENT",
                  "client-" + System.nanoTime());
          perClient.computeIfAbsent(client.getKey(), k -> new Cold(runs)).add(i, child);
        }
      }
      perClient.forEach((name, figures) -> figures.print(name, "client built", "first two calls"));
    } finally {
      NoOpJob.deleteServiceEntry(services);
    }
    System.out.println();
    artifact();
    System.out.printf(
        "load average at the end %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * SnapStart: a fresh JVM's initialization and priming, which the snapshot holds, then the first
   * event, which a restored copy pays; without priming (the function before it) and with.
   */
  private void restore() throws Exception {
    List<String> flags = new ArrayList<>(LAMBDA_FLAGS);
    flags.add("-Dhttp.keepAlive=false");
    WireMockServer stub = StubDynamoDb.start();
    Map<String, Cold> variants = new LinkedHashMap<>();
    try {
      for (int i = 0; i < runs; i++) {
        for (String peer : List.of("moto_server", "stub")) {
          endpoint = peer.equals("stub") ? URI.create(stub.baseUrl()) : moto.endpoint();
          for (String variant : List.of("unprimed", "primed")) {
            Child child =
                spawn(
                    flags,
                    "",
                    RestoreStart.class.getName(),
                    "RESTORE",
                    "restore-" + System.nanoTime(),
                    variant);
            variants.computeIfAbsent(variant + " " + peer, k -> new Cold(runs)).add(i, child);
          }
        }
      }
    } finally {
      endpoint = moto.endpoint();
      stub.stop();
    }
    System.out.println();
    System.out.println(
        "== SnapStart: what the snapshot holds, then what a restored copy pays ("
            + label(flags)
            + ")");
    for (String peer : List.of("moto_server", "stub")) {
      String on =
          peer.equals("stub")
              ? "DynamoDB an instant WireMock stub"
              : "DynamoDB on loopback moto_server (two UpdateItem calls of moto's own time)";
      variants
          .get("unprimed " + peer)
          .print("without priming, " + on, "handler built (snapshot)", "first event (restore)");
      variants
          .get("primed " + peer)
          .print(
              "with priming (target: first event at most 50 ms), " + on,
              "handler built and primed (snapshot)",
              "first event (restore)");
    }
  }

  private static String label(List<String> flags) {
    return flags.isEmpty() ? "JVM defaults" : "Lambda flags " + String.join(" ", flags);
  }

  /** The timings of the cold runs of one variant: the wall time and two phases timed inside. */
  private static final class Cold {
    private final long[] wall;
    private final long[] first;
    private final long[] second;
    private final long[] cpu;

    Cold(int runs) {
      wall = new long[runs];
      first = new long[runs];
      second = new long[runs];
      cpu = new long[runs];
    }

    void add(int run, Child child) {
      wall[run] = child.wallNanos;
      first[run] = Long.parseLong(child.fields[1]);
      second[run] = Long.parseLong(child.fields[2]);
      cpu[run] = Long.parseLong(child.fields[3]);
    }

    void print(String what, String firstPhase, String secondPhase) {
      long[] walls = sorted(wall);
      System.out.printf(
          "%s (%d runs): median %s (min %s, max %s), process CPU time median %s;"
              + " in main: %s %s, %s %s%n",
          what,
          walls.length,
          millis(median(walls)),
          millis(walls[0]),
          millis(walls[walls.length - 1]),
          millis(median(sorted(cpu))),
          firstPhase,
          millis(median(sorted(first))),
          secondPhase,
          millis(median(sorted(second))));
    }
  }

  private void warm(List<String> flags, String store, int warmup, int count) throws Exception {
    Child child =
        spawn(
            flags,
            "",
            WarmEvents.class.getName(),
            "WARM",
            store,
            Integer.toString(warmup),
            Integer.toString(count));
    System.out.printf(
        "warm per-event overhead (target at most 2 ms), %s (%d events after %d warm-up):"
            + " median %s, p99 %s%n",
        switch (store) {
          case "memory" -> "in-memory store";
          case "canned" -> "DynamoDB adapter + SDK on an instant canned HTTP answer";
          default -> "DynamoDB on loopback moto_server (includes moto's own time)";
        },
        count,
        warmup,
        millis(Long.parseLong(child.fields[1])),
        millis(Long.parseLong(child.fields[2])));
  }

  private void artifact() throws IOException {
    long bytes = Files.size(jar);
    int classes;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      classes = (int) zip.stream().filter(e -> e.getName().endsWith(".class")).count();
    }
    System.out.printf(
        "artifact %s: %,d bytes (%.2f MiB; target at most %d MiB), %,d classes%n",
        jar.getFileName(),
        bytes,
        bytes / 1024.0 / 1024.0,
        MAX_ARTIFACT_BYTES / 1024 / 1024,
        classes);
  }

  private record Child(long wallNanos, String[] fields) {}

  /**
   * Runs a main class in a fresh JVM on the Lambda artifact plus the test classes, with the
   * environment Lambda would give it, and waits for the line it prints when done.
   */
  private Child spawn(
      List<String> flags, String extraClasspath, String mainClass, String marker, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    String classpath = jar + File.pathSeparator + testClasses + File.pathSeparator + services;
    if (!extraClasspath.isEmpty()) {
      classpath += File.pathSeparator + extraClasspath;
    }
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("JAVA_TOOL_OPTIONS"));
    env.put("TABLE_NAME", TABLE);
    // As in Lambda: the processing path writes its metric record (JobMetrics) to standard output.
    env.put("AWS_LAMBDA_FUNCTION_NAME", "jobs-ProcessJob");
    env.put("AWS_REGION", MotoServer.REGION);
    env.put("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY);
    env.put("DYNAMODB_ENDPOINT", endpoint.toString());
    Path errors = Files.createTempFile("bench-child-", ".err");
    builder.redirectError(errors.toFile());
    try {
      long start = System.nanoTime();
      Process process = builder.start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith(marker + " ")) {
            long wall = System.nanoTime() - start;
            process.waitFor();
            return new Child(wall, line.split(" "));
          }
        }
      }
      int exit = process.waitFor();
      throw new IllegalStateException(
          mainClass + " exited with " + exit + ": " + Files.readString(errors));
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** The median of sorted values (the upper one of the middle two). */
  static long median(long[] sorted) {
    return sorted[sorted.length / 2];
  }

  /** The nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }
}
