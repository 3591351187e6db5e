package dev.jobs.local.bench;

import dev.jobs.backend.job.JobJson;
import dev.jobs.cli.Jobs;
import dev.jobs.cli.local.DetachedRuntime;
import dev.jobs.local.LocalStack;
import dev.jobs.local.RuntimeFile;
import dev.jobs.local.auth.SdkSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import tools.jackson.databind.JsonNode;

/**
 * Drives signed {@code POST /jobs} at a local runtime in its own JVM (started as {@code jobs local
 * start} is) and prints: accepted jobs/s with p50/p99 latency (durable enqueue before 202), the
 * submit-to-SUCCEEDED latency of a job that does no work, and the runtime's resident memory with
 * 100,000 jobs queued. Not a test: run it with exec:java or java -cp (see the README).
 *
 * <p>Arguments: {@code [threads=32] [seconds=10] [queued=100000]}.
 */
public final class SubmitBenchmark {
  private static final String REGION = "us-east-1";

  private final String apiUrl;
  private final Credentials credentials;

  private SubmitBenchmark(String endpoint) {
    LocalStack stack = new LocalStack(LocalStack.DEFAULT_STACK_NAME, REGION, endpoint);
    this.apiUrl = stack.apiUrl();
    try (StsClient sts =
        StsClient.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.US_EAST_1)
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build()) {
      this.credentials =
          sts.assumeRole(r -> r.roleArn(stack.invokeRoleArn()).roleSessionName("bench"))
              .credentials();
    }
  }

  public static void main(String... args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int queued = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    System.out.println("cores: " + Runtime.getRuntime().availableProcessors());

    Path throughputDir = Files.createTempDirectory("jobs-bench-");
    Process runtime = startRuntime(throughputDir, "--concurrency=4");
    try {
      SubmitBenchmark bench =
          new SubmitBenchmark(RuntimeFile.read(throughputDir).orElseThrow().endpoint());
      bench.load(threads, 3, false);
      bench.load(threads, seconds, true);
      bench.awaitDrained();
      bench.submitToSucceeded(300);
    } finally {
      stop(runtime);
    }

    Path queueDir = Files.createTempDirectory("jobs-bench-queue-");
    runtime = startRuntime(queueDir, "--concurrency=1");
    try {
      SubmitBenchmark bench =
          new SubmitBenchmark(RuntimeFile.read(queueDir).orElseThrow().endpoint());
      bench.fill(threads, queued);
      System.gc();
      Thread.sleep(2000);
      System.out.printf("RSS with %,d jobs queued: %d MB%n", queued, rssMb(runtime.pid()));
    } finally {
      stop(runtime);
    }
    runtime = startRuntime(queueDir, "--concurrency=1");
    try {
      Thread.sleep(3000);
      System.out.printf(
          "RSS after a restart that resumed %,d queued jobs: %d MB%n",
          queued, rssMb(runtime.pid()));
    } finally {
      stop(runtime);
    }
  }

  private void load(int threads, int seconds, boolean report) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<long[]> latencies = new ArrayList<>();
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    long began = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      long[] samples = new long[2_000_000];
      latencies.add(samples);
      int index = t;
      Thread worker =
          new Thread(
              () -> {
                int n = 0;
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  int status = post("{\"type\":\"noop\"}").status;
                  long took = System.nanoTime() - start;
                  if (status == 202) {
                    accepted.incrementAndGet();
                    if (n < samples.length) {
                      samples[n++] = took;
                    }
                  } else {
                    refused.incrementAndGet();
                  }
                }
                samples[samples.length - 1] = n;
              },
              "load-" + index);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - began) / 1e9;
    if (!report) {
      return;
    }
    long[] all =
        latencies.stream()
            .flatMapToLong(s -> Arrays.stream(s, 0, (int) s[s.length - 1]))
            .sorted()
            .toArray();
    System.out.printf(
        "signed POST /jobs, %d threads, %d s, no-work jobs running meanwhile: %,.0f accepted"
            + " jobs/s, p50 %.2f ms, p99 %.2f ms, refused %d%n",
        threads,
        seconds,
        accepted.get() / elapsed,
        percentile(all, 0.50) / 1e6,
        percentile(all, 0.99) / 1e6,
        refused.get());
  }

  private void awaitDrained() throws InterruptedException {
    // The last accepted jobs finish once the queue is empty; a fresh job then runs at once.
    String id = post("{\"type\":\"noop\"}").body.get("id").asString();
    long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < until) {
      Response response = get(id);
      if (response.status == 200 && response.body.get("status").asString().equals("SUCCEEDED")) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private void submitToSucceeded(int samples) throws InterruptedException {
    long[] observed = new long[samples];
    long[] recorded = new long[samples];
    for (int i = 0; i < samples; i++) {
      Instant sent = Instant.now();
      long start = System.nanoTime();
      String id = post("{\"type\":\"noop\"}").body.get("id").asString();
      while (true) {
        Response response = get(id);
        if (response.status == 200 && response.body.get("status").asString().equals("SUCCEEDED")) {
          observed[i] = System.nanoTime() - start;
          Instant finished = Instant.parse(response.body.get("finishedAt").asString());
          recorded[i] = Duration.between(sent, finished).toNanos();
          break;
        }
        Thread.sleep(1);
      }
    }
    Arrays.sort(observed);
    Arrays.sort(recorded);
    System.out.printf(
        "submit-to-SUCCEEDED of a no-work job, %d sequential: median %.2f ms by finishedAt"
            + " (p99 %.2f ms); median %.2f ms as seen by polling GET every 1 ms%n",
        samples,
        percentile(recorded, 0.5) / 1e6,
        percentile(recorded, 0.99) / 1e6,
        percentile(observed, 0.5) / 1e6);
  }

  private void fill(int threads, int count) throws InterruptedException {
    // One sleep of 900 s holds the single worker, so every other job stays queued: this measures
    // the durable enqueue alone.
    AtomicLong left = new AtomicLong(count);
    long[][] latencies = new long[threads][];
    List<Thread> workers = new ArrayList<>();
    long began = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      long[] samples = new long[count + 1];
      latencies[t] = samples;
      Thread worker =
          new Thread(
              () -> {
                int n = 0;
                while (left.getAndDecrement() > 0) {
                  long start = System.nanoTime();
                  if (post("{\"seconds\":900}").status != 202) {
                    left.incrementAndGet();
                  } else {
                    samples[n++] = System.nanoTime() - start;
                  }
                }
                samples[count] = n;
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - began) / 1e9;
    long[] all =
        Arrays.stream(latencies)
            .flatMapToLong(s -> Arrays.stream(s, 0, (int) s[count]))
            .sorted()
            .toArray();
    System.out.printf(
        "signed POST /jobs, %d threads, queueing %,d jobs (none running): %,.0f accepted jobs/s,"
            + " p50 %.2f ms, p99 %.2f ms%n",
        threads, count, count / elapsed, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private record Response(int status, JsonNode body) {}

  private Response post(String body) {
    return send("POST", URI.create(apiUrl + "/jobs"), body);
  }

  private Response get(String id) {
    return send("GET", URI.create(apiUrl + "/jobs/" + id), null);
  }

  private Response send(String method, URI uri, String body) {
    Map<String, List<String>> headers =
        SdkSigner.sign(
            method,
            uri,
            body,
            credentials.accessKeyId(),
            credentials.secretAccessKey(),
            credentials.sessionToken(),
            REGION,
            "execute-api",
            Clock.systemUTC());
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setRequestMethod(method);
      headers.forEach(
          (name, values) -> {
            if (!name.equals("host")) {
              connection.setRequestProperty(name, String.join(",", values));
            }
          });
      if (body != null) {
        connection.setDoOutput(true);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        connection.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(bytes);
        }
      }
      int status = connection.getResponseCode();
      InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
      byte[] answer = in == null ? new byte[0] : in.readAllBytes();
      if (in != null) {
        in.close();
      }
      return new Response(status, answer.length == 0 ? null : JobJson.MAPPER.readTree(answer));
    } catch (IOException e) {
      return new Response(-1, null);
    }
  }

  private static Process startRuntime(Path dataDir, String... extra) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(DetachedRuntime.JVM_OPTIONS); // as `jobs local start --detach` runs it
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Jobs.class.getName());
    command.addAll(List.of("local", "start", "--data-dir=" + dataDir, "--port=" + port));
    command.addAll(List.of(extra));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("runtime.log").toFile()))
            .start();
    long began = System.nanoTime();
    while (true) {
      Optional<RuntimeFile> file = RuntimeFile.read(dataDir);
      if (file.isPresent() && file.get().pid() == process.pid()) {
        System.out.printf(
            "runtime pid %d serving after %d ms (JVM launch included)%n",
            process.pid(), (System.nanoTime() - began) / 1_000_000);
        return process;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the runtime exited; see " + dataDir.resolve("runtime.log"));
      }
      Thread.sleep(10);
    }
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static long rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }
}
