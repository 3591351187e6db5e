package dev.jobs.cli.local;

import dev.jobs.cli.ExitCode;
import dev.jobs.cli.Jobs;
import dev.jobs.cli.JobsException;
import dev.jobs.local.LocalRuntime;
import dev.jobs.local.RuntimeFile;
import dev.jobs.local.RuntimeOptions;
import dev.jobs.local.lambda.FunctionConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobs local start}: runs the local runtime in this process, or detached. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = "Start the local runtime; it prints its endpoint and operator credentials.")
public final class LocalStart implements Callable<Integer> {
  /**
   * JVM options of a detached runtime: the serial collector and a bounded heap keep its resident
   * memory low (a queue of 100,000 jobs needs tens of MB; the default heap grows to far more). The
   * heap starts at 96 MB with a 24 MB young generation: started at 16 MB, it grew only through full
   * collections, each stopping every request for 40 to 85 ms while jobs queued; now 100,000 queue
   * without one, and the young collections stay short. Untouched heap costs no resident memory.
   */
  public static final List<String> RUNTIME_JVM_OPTIONS =
      List.of("-XX:+UseSerialGC", "-Xms96m", "-Xmn24m", "-Xmx192m", "-XX:MaxMetaspaceSize=96m");

  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Option(
      names = "--port",
      defaultValue = "" + RuntimeOptions.DEFAULT_PORT,
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--detach", description = "Run in the background; `jobs local stop` ends it.")
  boolean detach;

  @Option(
      names = "--access-key-id",
      defaultValue = RuntimeOptions.DEFAULT_KEY,
      description = "The operator's access key id (default: ${DEFAULT-VALUE}).")
  String accessKeyId;

  @Option(
      names = "--secret-access-key",
      defaultValue = RuntimeOptions.DEFAULT_KEY,
      description = "The operator's secret access key (default: ${DEFAULT-VALUE}).")
  String secretAccessKey;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "900",
      description = "The processing function's timeout (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--concurrency",
      defaultValue = "100",
      description = "The processing function's reserved concurrency (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--retry-attempts",
      defaultValue = "0",
      description = "Asynchronous retry attempts, 0 to 2 (default: ${DEFAULT-VALUE}).")
  int retryAttempts;

  @Option(
      names = "--retry-delay",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Wait before the first retry; the second waits twice as long (default: ${DEFAULT-VALUE}).")
  int retryDelaySeconds;

  @Option(
      names = "--max-event-age",
      paramLabel = "SECONDS",
      defaultValue = "21600",
      description = "Maximum event age, 60 to 21600 (default: ${DEFAULT-VALUE}).")
  int maxEventAgeSeconds;

  @Option(
      names = "--grace",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "On stop, how long running attempts may finish (default: ${DEFAULT-VALUE}).")
  int graceSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path directory = dataDir.resolve();
    Optional<RuntimeFile> running = RuntimeFile.read(directory);
    if (running.isPresent() && running.get().isAlive()) {
      throw new JobsException(
          ExitCode.ERROR,
          "a local runtime already runs for "
              + directory
              + " at "
              + running.get().endpoint()
              + " (pid "
              + running.get().pid()
              + "); `jobs local stop` ends it");
    }
    if (retryAttempts < 0 || retryAttempts > 2) {
      throw new JobsException(ExitCode.USAGE, "--retry-attempts must be 0, 1 or 2");
    }
    if (concurrency < 1) {
      throw new JobsException(ExitCode.USAGE, "--concurrency must be at least 1");
    }
    if (detach) {
      return detach(out, directory);
    }
    return runHere(out, directory);
  }

  private RuntimeOptions options(Path directory) {
    RuntimeOptions defaults = RuntimeOptions.defaults(directory, port);
    FunctionConfig processing =
        defaults
            .processing()
            .withTimeout(Duration.ofSeconds(timeoutSeconds))
            .withConcurrency(concurrency)
            .withRetries(retryAttempts, Duration.ofSeconds(retryDelaySeconds))
            .withMaxEventAge(Duration.ofSeconds(maxEventAgeSeconds));
    // The error handler keeps Lambda's 2 retries, as in the deployed stack.
    FunctionConfig errorHandler =
        defaults.errorHandler().withRetries(2, Duration.ofSeconds(retryDelaySeconds));
    return defaults
        .withProcessing(processing)
        .withErrorHandler(errorHandler)
        .withGrace(Duration.ofSeconds(graceSeconds))
        .withCredentials(accessKeyId, secretAccessKey);
  }

  private int runHere(PrintWriter out, Path directory) throws InterruptedException {
    long began = System.nanoTime();
    LocalRuntime runtime;
    try {
      runtime = LocalRuntime.start(options(directory));
    } catch (RuntimeException e) {
      throw new JobsException(
          ExitCode.ERROR, "could not start the local runtime: " + e.getMessage(), e);
    }
    long pid = ProcessHandle.current().pid();
    RuntimeFile.of(runtime, pid).write(directory);
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM and Ctrl-C run the shutdown hooks: stop taking requests, let attempts finish.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runtime.close();
                  RuntimeFile.removeIfOwned(directory, pid);
                  stopped.countDown();
                },
                "jobs-local-shutdown"));
    printReady(out, runtime.endpoint(), directory, pid, (System.nanoTime() - began) / 1_000_000);
    stopped.await();
    return ExitCode.OK;
  }

  private void printReady(PrintWriter out, String endpoint, Path directory, long pid, long millis) {
    out.println("jobs local runtime ready in " + millis + " ms (pid " + pid + ")");
    out.println("  endpoint:          " + endpoint);
    out.println("  jobs API:          " + endpoint + "/prod/jobs");
    out.println("  region:            " + RuntimeOptions.DEFAULT_REGION);
    out.println("  access key id:     " + accessKeyId);
    out.println("  secret access key: " + secretAccessKey);
    out.println("  data:              " + directory);
    out.println("`jobs submit` and the other commands use it through the `local` target.");
    out.flush();
  }

  /** Starts a child JVM running {@code jobs local start} and waits until it serves. */
  private int detach(PrintWriter out, Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    Path log = directory.resolve("runtime.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(RUNTIME_JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Jobs.class.getName());
    command.add("local");
    command.add("start");
    command.add("--data-dir=" + directory.toAbsolutePath());
    command.add("--port=" + port);
    command.add("--access-key-id=" + accessKeyId);
    command.add("--secret-access-key=" + secretAccessKey);
    command.add("--timeout=" + timeoutSeconds);
    command.add("--concurrency=" + concurrency);
    command.add("--retry-attempts=" + retryAttempts);
    command.add("--retry-delay=" + retryDelaySeconds);
    command.add("--max-event-age=" + maxEventAgeSeconds);
    command.add("--grace=" + graceSeconds);
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(
                ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null").exists()
                        ? new java.io.File("/dev/null")
                        : log.toFile()))
            .start();
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      Optional<RuntimeFile> file = RuntimeFile.read(directory);
      if (file.isPresent() && file.get().pid() == child.pid()) {
        printReady(out, file.get().endpoint(), directory, child.pid(), 0);
        out.println("It runs in the background (log: " + log + "); `jobs local stop` ends it.");
        out.flush();
        return ExitCode.OK;
      }
      if (!child.isAlive()) {
        throw new JobsException(ExitCode.ERROR, "the local runtime did not start; see " + log);
      }
      Thread.sleep(50);
    }
    child.destroy();
    throw new JobsException(
        ExitCode.ERROR, "the local runtime did not start within 30 s; see " + log);
  }
}
