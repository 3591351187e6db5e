package dev.jobs.local;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link ChildRuntime}: starts a runtime as {@code jobs local start} does (options
 * on top of the defaults, {@code runtime.json} written once it serves, a graceful stop on SIGTERM),
 * without the CLI above it. Options: {@code --data-dir=D --port=P [--concurrency=N]
 * [--retry-delay=S] [--grace=S]}.
 */
public final class ChildRuntimeMain {
  private ChildRuntimeMain() {}

  public static void main(String... args) throws InterruptedException {
    Path dataDir = null;
    int port = 0;
    int concurrency = 100;
    int retryDelaySeconds = 60;
    int graceSeconds = 10;
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      switch (arg.substring(0, arg.indexOf('='))) {
        case "--data-dir" -> dataDir = Path.of(value);
        case "--port" -> port = Integer.parseInt(value);
        case "--concurrency" -> concurrency = Integer.parseInt(value);
        case "--retry-delay" -> retryDelaySeconds = Integer.parseInt(value);
        case "--grace" -> graceSeconds = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    Duration retryDelay = Duration.ofSeconds(retryDelaySeconds);
    int workers = concurrency;
    RuntimeOptions options =
        RuntimeOptions.builder(dataDir, port)
            // No retry of a job: jobs local start's default.
            .processing(p -> p.withConcurrency(workers).withRetries(0, retryDelay))
            .errorHandler(e -> e.withRetries(2, retryDelay))
            .grace(Duration.ofSeconds(graceSeconds))
            .build();
    LocalRuntime runtime = LocalRuntime.start(options);
    runtime.announce(ProcessHandle.current().pid());
    runtime.awaitShutdown();
  }
}
