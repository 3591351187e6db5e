package dev.jobs.cli.bench;

import dev.jobs.backend.job.JobJson;
import dev.jobs.cli.app.Jobs;
import dev.jobs.cli.local.RuntimeJvm;
import dev.jobs.local.RuntimeFile;
import dev.jobs.local.auth.SdkSigner;
import dev.jobs.local.stack.LocalStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * 100,000 jobs queued. Not a test: run it with exec:java or java -cp (see docs/benchmarks.md).
 *
 * <p>Arguments: {@code [threads=32] [seconds=10] [queued=100000] [rate=0]}. A phase with 0 is
 * skipped. With a rate, the queueing phase also runs paced: the threads send that many jobs/s on a
 * fixed schedule, and a job's latency counts from when it was due to be sent, so a stall delays the
 * jobs behind it rather than hiding them (no coordinated omission).
 *
 * <p>System properties: {@code bench.runtimeJvmOptions}, JVM options added to the runtime's ({@code
 * %d} the data directory, {@code %n} the runtime's number in the run), for GC logs or a profiler;
 * {@code bench.warmUpSeconds} (3), how long the queueing phase warms a fresh runtime up.
 */
public final class SubmitBenchmark {
  private static final String REGION = "us-east-1";
  private static final AtomicLong STARTED = new AtomicLong();
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 3);

  private final String apiUrl;
  private final Credentials credentials;

  SubmitBenchmark(String endpoint) {
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
    int threads = BenchmarkArgs.number(args, 0, 32);
    int seconds = BenchmarkArgs.number(args, 1, 10);
    int queued = BenchmarkArgs.number(args, 2, 100_000);
    int rate = BenchmarkArgs.number(args, 3, 0);
    System.out.println("cores: " + Runtime.getRuntime().availableProcessors());

    if (seconds > 0) {
      throughput(threads, seconds);
    }
    if (queued > 0) {
      queue(threads, queued, rate);
    }
  }

  private static void throughput(int threads, int seconds) throws Exception {
    Path throughputDir = Files.createTempDirectory("jobs-bench-");
    Process runtime = startRuntime(throughputDir, withTestKinds("--concurrency=4"));
    try {
      SubmitBenchmark bench =
          new SubmitBenchmark(RuntimeFile.read(throughputDir).orElseThrow().endpoint());
      bench.load(threads, 3, null);
      bench.load(threads, seconds, runtime);
      bench.awaitDrained();
      bench.submitToSucceeded(300);
    } finally {
      stop(runtime);
    }
  }

  private static void queue(int threads, int queued, int rate) throws Exception {
    Path queueDir = Files.createTempDirectory("jobs-bench-queue-");
    Process runtime = startRuntime(queueDir, withTestKinds("--concurrency=1"));
    try {
      SubmitBenchmark bench =
          new SubmitBenchmark(RuntimeFile.read(queueDir).orElseThrow().endpoint());
      bench.fill(threads, queued, rate, runtime);
      System.gc();
      Thread.sleep(2000);
      System.out.printf("RSS with %,d jobs queued: %d MB%n", queued, rssMb(runtime.pid()));
    } finally {
      stop(runtime);
    }
    runtime = startRuntime(queueDir, withTestKinds("--concurrency=1"));
    try {
      Thread.sleep(3000);
      System.out.printf(
          "RSS after a restart that resumed %,d queued jobs: %d MB%n",
          queued, rssMb(runtime.pid()));
    } finally {
      stop(runtime);
    }
  }

  /**
   * Drives no-work jobs for {@code seconds}; reports only with the runtime's process to account.
   */
  private void load(int threads, int seconds, Process report)
      throws InterruptedException, IOException {
    CpuTimes cpu = CpuTimes.of(report);
    Result result = drive(threads, "{\"type\":\"noop\"}", Budget.seconds(seconds), 0);
    if (report == null) {
      return;
    }
    System.out.printf(
        "signed POST /jobs, %d threads, %d s, no-work jobs running meanwhile: %s%n",
        threads, seconds, result);
    cpu.print(result.elapsed());
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

  private void fill(int threads, int count, int rate, Process runtime)
      throws InterruptedException, IOException {
    // One sleep of 600 s holds the single worker, so every other job stays queued: this measures
    // the durable enqueue alone. (A sleep as long as the function's 900 s timeout fails at once.)
    String body = "{\"seconds\":600}";
    // The first seconds of a fresh runtime are spent compiling (JIT); they count toward the queue,
    // and are reported apart.
    Result warmUp = drive(threads, body, Budget.seconds(WARM_UP_SECONDS), 0);
    System.out.printf(
        "signed POST /jobs, %d threads, first %d s of a fresh runtime: %s%n",
        threads, WARM_UP_SECONDS, warmUp);
    CpuTimes cpu = CpuTimes.of(runtime);
    long rest = Math.max(0, count - warmUp.accepted());
    long closed = rate > 0 ? rest / 2 : rest;
    Result result = drive(threads, body, Budget.jobs(closed), 0);
    System.out.printf(
        "signed POST /jobs, %d threads, queueing %,d jobs (none running): %s%n",
        threads, closed, result);
    cpu.print(result.elapsed());
    if (rate > 0) {
      cpu = CpuTimes.of(runtime);
      result = drive(threads, body, Budget.jobs(rest - closed), rate);
      System.out.printf(
          "signed POST /jobs, %d threads paced at %,d jobs/s, queueing %,d more (to %,d): %s%n",
          threads, rate, rest - closed, count, result);
      cpu.print(result.elapsed());
    }
  }

  /** When a load stops: after a time, or once a number of jobs is accepted. */
  private record Budget(long endNanos, AtomicLong jobsLeft) {
    static Budget seconds(int seconds) {
      return new Budget(System.nanoTime() + Duration.ofSeconds(seconds).toNanos(), null);
    }

    static Budget jobs(long jobs) {
      return new Budget(Long.MAX_VALUE, new AtomicLong(jobs));
    }

    boolean take() {
      return jobsLeft == null ? System.nanoTime() < endNanos : jobsLeft.getAndDecrement() > 0;
    }

    void giveBack() {
      if (jobsLeft != null) {
        jobsLeft.incrementAndGet();
      }
    }
  }

  /** Accepted jobs and the latency of each, in a closed loop. */
  private record Result(long accepted, long refused, double elapsed, long[] sortedLatencies) {
    @Override
    public String toString() {
      return String.format(
          "%,.0f accepted jobs/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, refused %d",
          accepted / elapsed,
          percentile(sortedLatencies, 0.50) / 1e6,
          percentile(sortedLatencies, 0.99) / 1e6,
          percentile(sortedLatencies, 1.0) / 1e6,
          refused);
    }
  }

  /**
   * Each thread posts {@code body}, waits for the answer, and posts again, within the budget: at
   * once (a closed loop) when {@code rate} is 0, else when its next turn in a schedule of {@code
   * rate} posts/s across the threads comes, its latency counted from that turn.
   */
  private Result drive(int threads, String body, Budget budget, int rate)
      throws InterruptedException {
    long interval = rate > 0 ? 1_000_000_000L * threads / rate : 0;
    List<long[]> latencies = new ArrayList<>();
    AtomicLong refused = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    int[] counts = new int[threads];
    long began = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      long[] samples = new long[1 << 16];
      latencies.add(samples);
      int index = t;
      Thread worker =
          new Thread(
              () -> {
                long[] mine = samples;
                int n = 0;
                long due = began + (rate > 0 ? interval * index / threads : 0);
                while (budget.take()) {
                  long start = System.nanoTime();
                  if (rate > 0) {
                    while (start < due) {
                      java.util.concurrent.locks.LockSupport.parkNanos(due - start);
                      start = System.nanoTime();
                    }
                    start = due;
                    due += interval;
                  }
                  int status = post(body).status;
                  long took = System.nanoTime() - start;
                  if (status == 202) {
                    if (n == mine.length) {
                      mine = Arrays.copyOf(mine, n * 2);
                      latencies.set(index, mine);
                    }
                    mine[n++] = took;
                  } else {
                    refused.incrementAndGet();
                    budget.giveBack();
                  }
                }
                counts[index] = n;
              },
              "load-" + index);
      workers.add(worker);
    }
    workers.forEach(Thread::start);
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - began) / 1e9;
    long[] all =
        java.util.stream.IntStream.range(0, threads)
            .mapToObj(t -> Arrays.stream(latencies.get(t), 0, counts[t]))
            .flatMapToLong(s -> s)
            .sorted()
            .toArray();
    return new Result(all.length, refused.get(), elapsed, all);
  }

  /** CPU seconds used by the runtime and by this load generator, from /proc (Linux only). */
  record CpuTimes(long runtimePid, long runtimeTicks, long compilerTicks, long selfTicks) {
    static CpuTimes of(Process runtime) throws IOException {
      if (runtime == null) {
        return null;
      }
      long self = ProcessHandle.current().pid();
      return new CpuTimes(
          runtime.pid(), ticks(runtime.pid()), compilerTicks(runtime.pid()), ticks(self));
    }

    /** The runtime's CPU seconds since. */
    double runtimeSeconds() throws IOException {
      return (ticks(runtimePid) - runtimeTicks) / 100.0;
    }

    /** Of those, the seconds its JIT compiler threads took (those still alive). */
    double compilerSeconds() throws IOException {
      return Math.max(0, compilerTicks(runtimePid) - compilerTicks) / 100.0;
    }

    /** CPU ticks of the JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"). */
    private static long compilerTicks(long pid) throws IOException {
      Path tasks = Path.of("/proc/" + pid + "/task");
      if (!Files.isDirectory(tasks)) {
        return 0;
      }
      long total = 0;
      try (java.util.stream.Stream<Path> threads = Files.list(tasks)) {
        for (Path thread : threads.toList()) {
          try {
            String stat = Files.readString(thread.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (name.contains("CompilerThre")) {
              total += ticks(stat);
            }
          } catch (IOException ended) {
            // The thread ended meanwhile.
          }
        }
      }
      return total;
    }

    void print(double elapsed) throws IOException {
      double runtimeSeconds = runtimeSeconds();
      double selfSeconds = (ticks(ProcessHandle.current().pid()) - selfTicks) / 100.0;
      System.out.printf(
          "  CPU over %.1f s: runtime %.1f s (%.0f%% of 2 cores), load generator %.1f s%n",
          elapsed, runtimeSeconds, 100 * runtimeSeconds / elapsed / 2, selfSeconds);
    }

    /** utime + stime in clock ticks (USER_HZ, 100 on Linux). */
    private static long ticks(long pid) throws IOException {
      Path stat = Path.of("/proc/" + pid + "/stat");
      if (!Files.exists(stat)) {
        return 0;
      }
      return ticks(Files.readString(stat));
    }

    /** utime + stime of a process's or a thread's {@code stat}. */
    private static long ticks(String stat) {
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  record Response(int status, JsonNode body) {}

  Response post(String body) {
    return send("POST", URI.create(apiUrl + "/jobs"), body);
  }

  private Response get(String id) {
    return send("GET", URI.create(apiUrl + "/jobs/" + id), null);
  }

  /** {@code POST /jobs} of a body, signed now with the invoke role's credentials. */
  Map<String, List<String>> signedPost(String body) {
    return sign("POST", URI.create(apiUrl + "/jobs"), body);
  }

  String apiUrl() {
    return apiUrl;
  }

  private Map<String, List<String>> sign(String method, URI uri, String body) {
    return SdkSigner.sign(
        method,
        uri,
        body,
        credentials.accessKeyId(),
        credentials.secretAccessKey(),
        credentials.sessionToken(),
        REGION,
        "execute-api",
        Clock.systemUTC());
  }

  private Response send(String method, URI uri, String body) {
    Map<String, List<String>> headers = sign(method, uri, body);
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

  /**
   * {@code options} and, when the runtime runs from the jar, {@code --kinds} with the local
   * module's test jar: its {@code noop} kind, which the classes' run finds on its class path.
   */
  static String[] withTestKinds(String... options) {
    List<String> all = new ArrayList<>(List.of(options));
    if (!System.getProperty("bench.runtimeJar", "").equals("none")) {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        if (entry.matches(".*/local-[^/]*-tests\\.jar")) {
          all.add("--kinds=" + entry);
        }
      }
    }
    return all.toArray(String[]::new);
  }

  static Process startRuntime(Path dataDir, String... extra) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    // As `jobs local start --detach` runs it: from a copy of the jar that keeps its name and time,
    // with the runtime's AOT cache when the build made one (-Dbench.runtimeJar=none: from the
    // classes, in this JVM's java; -Dbench.noRuntimeAot=true: from the jar, in this JVM's java,
    // without the cache).
    String jar = System.getProperty("bench.runtimeJar", "cli/target/jobs.jar");
    String classPath = System.getProperty("java.class.path");
    RuntimeJvm jvm = RuntimeJvm.current();
    if (!jar.equals("none") && Files.isRegularFile(Path.of(jar))) {
      Path copies = Files.createDirectories(dataDir.resolve("jar"));
      Path copy = copies.resolve(String.valueOf(Path.of(jar).getFileName()));
      Files.copy(
          Path.of(jar),
          copy,
          StandardCopyOption.COPY_ATTRIBUTES,
          StandardCopyOption.REPLACE_EXISTING);
      classPath = copy.toString();
      if (!Boolean.getBoolean("bench.noRuntimeAot")) {
        jvm = RuntimeJvm.forJar(Path.of(jar));
      }
    }
    command.add(jvm.java());
    command.addAll(jvm.options());
    String more = System.getProperty("bench.runtimeJvmOptions", "").strip();
    if (!more.isEmpty()) {
      // %d: the data directory; %n: this runtime's number in the run (for log and recording names)
      String expanded =
          more.replace("%d", dataDir.toString())
              .replace("%n", String.valueOf(STARTED.incrementAndGet()));
      command.addAll(List.of(expanded.split("\\s+")));
    }
    command.add("-cp");
    command.add(classPath);
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

  static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  static long rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }
}
