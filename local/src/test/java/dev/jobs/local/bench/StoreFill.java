package dev.jobs.local.bench;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.backend.store.JobStoreException;
import dev.jobs.local.LocalRuntime;
import dev.jobs.local.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local runtime whose job store a benchmark fills directly, not through the API (that is
 * SubmitBenchmark's subject), from many threads so that the group commit batches the writes. Public
 * for the CLI's benchmarks, which fill a runtime the same way.
 */
public final class StoreFill {
  /** What every filled job was given. */
  static final ObjectNode PARAMETERS = JobJson.MAPPER.createObjectNode().put("seconds", 1);

  /** What every filled job that succeeded returned. */
  static final ObjectNode RESULT = JobJson.MAPPER.createObjectNode().put("done", true);

  /** What the failed ones failed with, in turn: one group per error on the failures page. */
  static final List<JobError> ERRORS =
      List.of(
          new JobError("dev.jobs.kind.JobFailedException", "failed", "RetriesExhausted"),
          new JobError("Sandbox.Timedout", "timed out", "RetriesExhausted"),
          new JobError("dev.jobs.kind.InvalidParametersException", "bad", "ValidationFailed"));

  private static final List<String> TYPES = List.of("sleep", "report", "flaky");
  private static final int THREADS = 64;

  private final Path directory;
  private final LocalRuntime runtime;
  private final JobStore store;
  private final AtomicLong refused = new AtomicLong();

  private StoreFill(Path directory, LocalRuntime runtime, JobStore store) {
    this.directory = directory;
    this.runtime = runtime;
    this.store = store;
  }

  /** Starts a runtime on a free port over a new data directory named {@code prefix...}. */
  public static StoreFill start(String prefix) throws IOException {
    return in(Files.createTempDirectory(prefix));
  }

  /** Starts a runtime on a free port over {@code directory}, new or filled before. */
  public static StoreFill in(Path directory) throws IOException {
    Files.createDirectories(directory);
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

  public LocalRuntime runtime() {
    return runtime;
  }

  public Path directory() {
    return directory;
  }

  /**
   * {@code jobs} finished jobs as a busy stack has them, each finished at {@link #spreadOver}
   * {@code spread} before {@code now}: 90% SUCCEEDED, 10% FAILED, of three types, run times from 50
   * ms to about 15 minutes.
   */
  public void fillFinished(int jobs, Duration spread, Instant now) throws Exception {
    long expires = expires(now);
    fill(
        jobs,
        (store, i) -> {
          String id = UUID.randomUUID().toString();
          Instant finished = spreadOver(spread, i, jobs, now);
          long runMillis = (long) (50 * Math.pow(18_000, (i * 31L % 1000) / 1000.0));
          Instant started = finished.minusMillis(runMillis);
          String type = TYPES.get(i % TYPES.size());
          retried(
              () ->
                  store.start(
                      new JobStart(id, type, PARAMETERS, started, expires, null, 900, null)));
          if (i % 10 == 0) {
            JobError error = ERRORS.get(i / 10 % ERRORS.size());
            retried(
                () -> store.fail(new JobFailure(id, type, PARAMETERS, error, finished, expires)));
          } else {
            retried(() -> store.succeed(id, RESULT, finished));
          }
        });
  }

  /**
   * Calls {@code write} with the store for every job number below {@code jobs}, in parallel, and
   * prints how long that took.
   */
  public void fill(int jobs, JobWriter write) throws Exception {
    long start = System.nanoTime();
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
    System.out.printf(
        Locale.ROOT,
        "filled %,d jobs in %.1f s (%,d writes refused and retried)%n",
        jobs,
        (System.nanoTime() - start) / 1e9,
        refused.get());
  }

  /**
   * A write again after a refused commit: under this load the runtime's RESTART checkpoint of a
   * full WAL can hold the write lock past the writer's 10 s busy timeout (see docs/benchmarks.md).
   */
  void retried(Supplier<?> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        write.get();
        return;
      } catch (JobStoreException e) {
        refused.incrementAndGet();
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  /**
   * When job {@code i} of {@code jobs} finished: spread evenly over {@code spread} before {@code
   * now}, but not in job order (7919 is prime to any job count that is a power of ten).
   */
  static Instant spreadOver(Duration spread, int i, int jobs, Instant now) {
    return now.minusMillis((long) i * 7919 % jobs * spread.toMillis() / jobs);
  }

  /** When a job filled at {@code now} expires: in 30 days, past every benchmark's window. */
  static long expires(Instant now) {
    return now.plus(Duration.ofDays(30)).getEpochSecond();
  }

  public void stop() {
    runtime.stop(Duration.ZERO);
  }

  /** Writes job number {@code i} to the store. */
  public interface JobWriter {
    void write(JobStore store, int i);
  }
}
