package dev.jobs.cli.command.local;

import dev.jobs.backend.settings.Setting;
import dev.jobs.backend.settings.StackSettings;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.local.AutoStart;
import dev.jobs.cli.local.DetachedRuntime;
import dev.jobs.cli.local.KindJarSetting;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.Printer;
import dev.jobs.local.LocalRuntime;
import dev.jobs.local.RuntimeFile;
import dev.jobs.local.RuntimeOptions;
import dev.jobs.local.events.ReplayPace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** {@code jobs local start}: runs the local runtime in this process, or detached. */
@Command(
    name = "start",
    description = "Start the local runtime; it prints its endpoint and operator credentials.")
public final class LocalStart extends RuntimeCommand {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "${env:" + AutoStart.PORT_VARIABLE + ":-" + RuntimeOptions.DEFAULT_PORT + "}",
      description =
          "Port on 127.0.0.1 (env "
              + AutoStart.PORT_VARIABLE
              + "; default: "
              + RuntimeOptions.DEFAULT_PORT
              + "; 0 picks a free one).")
  int port;

  @Option(names = "--detach", description = "Run in the background; `jobs local stop` ends it.")
  boolean detach;

  @Option(
      names = "--access-key-id",
      paramLabel = "KEY",
      defaultValue = RuntimeOptions.DEFAULT_KEY,
      description = "The operator's access key id (default: ${DEFAULT-VALUE}).")
  String accessKeyId;

  @Option(
      names = "--secret-access-key",
      paramLabel = "SECRET",
      defaultValue = RuntimeOptions.DEFAULT_KEY,
      description = "The operator's secret access key (default: ${DEFAULT-VALUE}).")
  String secretAccessKey;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "" + StackSettings.DEFAULT_TIMEOUT_SECONDS,
      description =
          "The processing function's timeout, 1 to 900 seconds (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "" + RuntimeOptions.DEFAULT_CONCURRENCY,
      description =
          "How many jobs run at once, at least 1: the deployed stack reserves none by default,"
              + " so the account's unreserved concurrency bounds it there"
              + " (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--retry-attempts",
      paramLabel = "N",
      defaultValue = "" + StackSettings.DEFAULT_RETRY_ATTEMPTS,
      description = "Asynchronous retry attempts, 0 to 2 (default: ${DEFAULT-VALUE}).")
  int retryAttempts;

  @Option(
      names = "--retry-delay",
      paramLabel = "DURATION",
      defaultValue = "60",
      description =
          "Wait before the first retry; the second waits twice as long (default: ${DEFAULT-VALUE}).")
  Duration retryDelay;

  @Option(
      names = "--max-event-age",
      paramLabel = "DURATION",
      defaultValue = "" + StackSettings.DEFAULT_MAX_EVENT_AGE_SECONDS,
      description = "Maximum event age, 60 to 21600 seconds (default: ${DEFAULT-VALUE}).")
  Duration maxEventAge;

  @Option(
      names = "--kinds",
      paramLabel = "JAR",
      split = ",",
      arity = "1..*",
      description =
          "Jars of your own job kinds to serve beside the built-in ones (see `jobs init kind`);"
              + " remembered for later starts, on-demand ones included.")
  List<Path> kinds;

  @Option(
      names = "--no-kinds",
      description = "Serve the built-in job kinds only, and forget the remembered --kinds.")
  boolean noKinds;

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      defaultValue = "10",
      description = "On stop, how long running attempts may finish (default: ${DEFAULT-VALUE}).")
  Duration grace;

  @Option(
      names = "--replay-pace",
      paramLabel = "PACE",
      defaultValue = "fast",
      description =
          "How replays go: fast (the whole window at once, every failure already archived) or aws"
              + " (as EventBridge: a minute of wall time per minute of the window, and events"
              + " archived 10 minutes after they happen) (default: ${DEFAULT-VALUE}).")
  String replayPace;

  static final int MAX_PORT = 65535;

  @Override
  public Integer call() throws Exception {
    checkOptions();
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
    checkPortFree();
    if (detach) {
      return detach(out, directory);
    }
    return runHere(out, directory);
  }

  /**
   * Every flag against its range, before anything starts: one usage line naming the flag. The
   * processing function's ranges are the deployed stack's parameters' ({@link StackSettings}): a
   * runtime started outside them would behave as no stack can.
   */
  private void checkOptions() {
    within("--port", port, 0, MAX_PORT);
    withinSeconds("--timeout", timeout, StackSettings.PROCESSING_TIMEOUT_SECONDS);
    atLeast("--concurrency", concurrency, 1);
    Setting retries = StackSettings.PROCESSING_RETRY_ATTEMPTS;
    within("--retry-attempts", retryAttempts, retries.min(), retries.max());
    Durations.notNegative("--retry-delay", retryDelay);
    withinSeconds("--max-event-age", maxEventAge, StackSettings.PROCESSING_MAX_EVENT_AGE_SECONDS);
    Durations.notNegative("--grace", grace);
    pace();
    if (kinds != null && noKinds) {
      throw new JobsException(ExitCode.USAGE, "--kinds and --no-kinds exclude each other");
    }
  }

  private ReplayPace pace() {
    try {
      return ReplayPace.named(replayPace);
    } catch (IllegalArgumentException e) {
      throw new JobsException(
          ExitCode.USAGE, "--replay-pace must be fast or aws, not " + replayPace, e);
    }
  }

  /** The jars this start serves: the given ones, none, or the remembered ones. */
  private List<Path> kindJars(Path directory) {
    if (kinds != null) {
      return kinds.stream().map(jar -> jar.toAbsolutePath().normalize()).toList();
    }
    return noKinds ? List.of() : KindJarSetting.read(directory);
  }

  private static void within(String flag, int value, int min, int max) {
    if (value < min || value > max) {
      throw new JobsException(
          ExitCode.USAGE, flag + " must be " + min + " to " + max + ", not " + value);
    }
  }

  private static void withinSeconds(String flag, Duration value, Setting seconds) {
    int min = seconds.min();
    int max = seconds.max();
    if (value.compareTo(Duration.ofSeconds(min)) < 0
        || value.compareTo(Duration.ofSeconds(max)) > 0) {
      String given =
          value.toMillis() % 1000 == 0
              ? String.valueOf(value.toSeconds())
              : value.toMillis() + "ms";
      throw new JobsException(
          ExitCode.USAGE, flag + " must be " + min + " to " + max + " seconds, not " + given);
    }
  }

  private static void atLeast(String flag, int value, int min) {
    if (value < min) {
      throw new JobsException(ExitCode.USAGE, flag + " must be at least " + min + ", not " + value);
    }
  }

  /**
   * A port another process holds, told by its number here rather than by a child that fails in the
   * background. The runtime binds 127.0.0.1; so does this check, and lets go at once.
   */
  private void checkPortFree() {
    if (port == 0) {
      return;
    }
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
    } catch (java.io.IOException e) {
      throw new JobsException(
          ExitCode.ERROR,
          "port "
              + port
              + " on 127.0.0.1 is taken ("
              + e.getMessage()
              + "); pick another with --port, or --port 0 for a free one");
    }
  }

  RuntimeOptions options(Path directory) {
    return RuntimeOptions.builder(directory, port)
        .processing(
            p ->
                p.withTimeout(timeout)
                    .withConcurrency(concurrency)
                    .withRetries(retryAttempts, retryDelay)
                    .withMaxEventAge(maxEventAge))
        // The error handler keeps Lambda's 2 retries, as in the deployed stack.
        .errorHandler(e -> e.withRetries(2, retryDelay))
        .grace(grace)
        .replayPace(pace())
        .credentials(accessKeyId, secretAccessKey)
        .kindJars(kindJars(directory))
        .build();
  }

  private int runHere(PrintWriter out, Path directory) throws InterruptedException {
    long began = System.nanoTime();
    if (DetachedRuntime.isDetached()) {
      DetachedRuntime.ignoreTerminalSignals();
    }
    LocalRuntime runtime;
    try {
      runtime = LocalRuntime.start(options(directory));
    } catch (RuntimeException e) {
      throw new JobsException(
          ExitCode.ERROR, "could not start the local runtime: " + e.getMessage(), e);
    }
    long pid = ProcessHandle.current().pid();
    if (kinds != null || noKinds) {
      KindJarSetting.write(directory, runtime.options().kindJars());
    }
    // SIGTERM and Ctrl-C run the shutdown hooks: stop taking requests, let attempts finish.
    RuntimeFile file = runtime.announce(pid);
    printReady(out, file, directory, pid, (System.nanoTime() - began) / 1_000_000);
    runtime.awaitShutdown();
    return ExitCode.OK;
  }

  private void printReady(
      PrintWriter out, RuntimeFile file, Path directory, long pid, long millis) {
    String endpoint = file.endpoint();
    printer()
        .print(
            Answer.of(
                () -> {
                  ObjectNode ready = Json.mapper().createObjectNode().put("running", true);
                  ready.put("endpoint", endpoint).put("pid", pid);
                  ready.put("region", RuntimeOptions.DEFAULT_REGION);
                  ready.put("accessKeyId", accessKeyId).put("dataDir", directory.toString());
                  file.kinds().forEach(ready.putArray("kinds")::add);
                  return ready;
                },
                endpoint,
                text -> ready(text, file, directory, pid, millis)));
  }

  private void ready(PrintWriter out, RuntimeFile file, Path directory, long pid, long millis) {
    String endpoint = file.endpoint();
    out.println("jobs local runtime ready in " + millis + " ms (pid " + pid + ")");
    out.println("  endpoint:          " + endpoint);
    out.println("  jobs API:          " + endpoint + "/prod/jobs");
    out.println("  region:            " + RuntimeOptions.DEFAULT_REGION);
    out.println("  access key id:     " + accessKeyId);
    out.println("  secret access key: " + secretAccessKey);
    out.println("  data:              " + directory);
    out.println("  job kinds:         " + String.join(", ", file.kinds()));
    out.println(howTheLocalTargetUsesIt(directory));
  }

  /**
   * The {@code local} target finds its runtime in {@code JOBS_LOCAL_DIR} (else {@code
   * ~/.jobs/local}), by the {@code runtime.json} there, whatever the port. A runtime started for
   * another directory serves the target only once that variable names it, so the banner says so.
   */
  String howTheLocalTargetUsesIt(Path directory) {
    Path targetDir = dataDir.targetDir();
    if (same(directory, targetDir)) {
      return "`jobs submit` and the other commands use it through the `local` target.";
    }
    return "The `local` target uses "
        + targetDir
        + "; for `jobs submit` and the other commands to use this runtime, first run: export "
        + RuntimeFile.DIR_VARIABLE
        + "="
        + shellWord(directory.toAbsolutePath().normalize().toString());
  }

  private static boolean same(Path one, Path other) {
    return one.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
  }

  /** The path as one shell word: quoted only when it needs to be. */
  static String shellWord(String text) {
    if (text.matches("[A-Za-z0-9_./:@%+=,-]+")) {
      return text;
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** Runs {@code jobs local start} with these options in a child JVM, and waits until it serves. */
  private int detach(PrintWriter out, Path directory) {
    List<String> options = new java.util.ArrayList<>();
    if (kinds != null) {
      options.add(
          "--kinds=" + String.join(",", kindJars(directory).stream().map(Path::toString).toList()));
    } else if (noKinds) {
      options.add("--no-kinds");
    }
    options.addAll(
        List.of(
            "--port=" + port,
            "--access-key-id=" + accessKeyId,
            "--secret-access-key=" + secretAccessKey,
            "--timeout=" + timeout.toMillis() + "ms",
            "--concurrency=" + concurrency,
            "--retry-attempts=" + retryAttempts,
            "--retry-delay=" + retryDelay.toMillis() + "ms",
            "--max-event-age=" + maxEventAge.toMillis() + "ms",
            "--grace=" + grace.toMillis() + "ms",
            "--replay-pace=" + replayPace));
    DetachedRuntime.Started started = DetachedRuntime.start(directory, options);
    printReady(out, started.file(), directory, started.file().pid(), started.millis());
    Printer printer = printer();
    if (!printer.quiet() && !printer.json()) {
      out.println(
          "It runs in the background (log: " + started.log() + "); `jobs local stop` ends it.");
    }
    out.flush();
    return ExitCode.OK;
  }
}
