package dev.jobs.local;

import dev.jobs.backend.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local runtime for a test class, on a free port in a fresh data directory: started before its
 * tests, stopped without grace after them, its directory then removed. Register it as a static
 * field with {@code @RegisterExtension}; the class's own {@code @BeforeAll} methods run after it
 * has started.
 */
public final class RunningRuntime implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<RuntimeOptions.Builder> options;
  private final UnaryOperator<JobStore> table;
  private Path directory;
  private LocalRuntime runtime;
  private ApiClient api;

  /** A runtime with the default options. */
  public RunningRuntime() {
    this(UnaryOperator.identity());
  }

  /** A runtime with the options changed from the defaults. */
  public RunningRuntime(UnaryOperator<RuntimeOptions.Builder> options) {
    this(options, UnaryOperator.identity());
  }

  /**
   * A runtime with the options changed, its job table wrapped as {@link LocalRuntime#start(
   * RuntimeOptions, UnaryOperator)} does.
   */
  public RunningRuntime(
      UnaryOperator<RuntimeOptions.Builder> options, UnaryOperator<JobStore> table) {
    this.options = options;
    this.table = table;
  }

  /**
   * A runtime where a failed attempt is not retried, so that a failing job fails at once; the error
   * handler retries {@code errorHandlerRetries} times, 10 ms apart. Its job table is wrapped as
   * {@link #RunningRuntime(UnaryOperator, UnaryOperator)} says.
   */
  public static RunningRuntime failingFast(int errorHandlerRetries, UnaryOperator<JobStore> table) {
    return new RunningRuntime(
        options ->
            options
                .processing(p -> p.withRetries(0, Duration.ZERO))
                .errorHandler(e -> e.withRetries(errorHandlerRetries, Duration.ofMillis(10))),
        table);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    directory = Files.createTempDirectory("local-runtime-");
    runtime =
        LocalRuntime.start(options.apply(RuntimeOptions.builder(directory, 0)).build(), table);
    api = ApiClient.forRole(runtime);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (runtime != null) {
      runtime.stop(Duration.ZERO);
    }
    ScratchDirectory.delete(directory);
  }

  public LocalRuntime runtime() {
    return runtime;
  }

  /** A client of the jobs API signed as the invoke role. */
  public ApiClient api() {
    return api;
  }

  /** The runtime's data directory. */
  public Path directory() {
    return directory;
  }
}
