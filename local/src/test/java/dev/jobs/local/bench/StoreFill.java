package dev.jobs.local.bench;

import dev.jobs.backend.store.JobStore;
import dev.jobs.local.LocalRuntime;
import dev.jobs.local.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local runtime whose job store a benchmark fills directly, not through the API (that is
 * SubmitBenchmark's subject), from many threads so that the group commit batches the writes.
 */
final class StoreFill {
  private static final int THREADS = 64;

  final Path directory;
  final LocalRuntime runtime;
  private final JobStore store;

  private StoreFill(Path directory, LocalRuntime runtime, JobStore store) {
    this.directory = directory;
    this.runtime = runtime;
    this.store = store;
  }

  /** Starts a runtime on a free port over a new data directory named {@code prefix...}. */
  static StoreFill start(String prefix) throws IOException {
    Path directory = Files.createTempDirectory(prefix);
    AtomicReference<JobStore> table = new AtomicReference<>();
    LocalRuntime runtime =
        LocalRuntime.start(
            RuntimeOptions.defaults(directory, 0),
            store -> {
              table.set(store);
              return store;
            });
    return new StoreFill(directory, runtime, table.get());
  }

  /** Calls {@code write} with the store for every job number below {@code jobs}, in parallel. */
  void fill(int jobs, JobWriter write) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int slice = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = slice; i < jobs; i += THREADS) {
                  write.write(store, i);
                }
                return null;
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();
  }

  /**
   * When job {@code i} of {@code jobs} finished: spread evenly over {@code spread} before {@code
   * now}, but not in job order (7919 is prime to any job count that is a power of ten).
   */
  static Instant spreadOver(Duration spread, int i, int jobs, Instant now) {
    return now.minusMillis((long) i * 7919 % jobs * spread.toMillis() / jobs);
  }

  void stop() {
    runtime.stop(Duration.ZERO);
  }

  /** Writes job number {@code i} to the store. */
  interface JobWriter {
    void write(JobStore store, int i);
  }
}
