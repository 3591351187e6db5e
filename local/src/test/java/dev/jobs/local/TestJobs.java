package dev.jobs.local;

import dev.jobs.backend.job.JobJson;
import dev.jobs.kind.JobContext;
import dev.jobs.kind.JobFailedException;
import dev.jobs.kind.JobKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Job kinds for the runtime's tests, found through the test class path's service file. */
public final class TestJobs {
  private TestJobs() {}

  /** Does nothing: measures the runtime, not the job. */
  public static final class Noop extends Kind {
    public Noop() {
      super("noop");
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) {
      return JobJson.MAPPER.createObjectNode().put("done", true);
    }
  }

  /** Counts its runs per job id, in this JVM: what shows that a job ran once. */
  public static final class Counted extends Kind {
    public static final java.util.concurrent.ConcurrentMap<
            String, java.util.concurrent.atomic.AtomicInteger>
        RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    public Counted() {
      super("counted");
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) {
      int runs =
          RUNS.computeIfAbsent(
                  context.jobId(), id -> new java.util.concurrent.atomic.AtomicInteger())
              .incrementAndGet();
      return JobJson.MAPPER.createObjectNode().put("runs", runs);
    }
  }

  /**
   * Appends {@code "<id> <attempt> <pid>"} to the file the system property {@link #FILE_PROPERTY}
   * names: counts runs across JVMs, for a crash test whose runtime is a child JVM killed and
   * restarted. One {@code write} in append mode per line, so concurrent attempts' lines never
   * interleave, and a line written is on the file even when the process is killed at once.
   */
  public static final class Recorded extends Kind {
    public static final String FILE_PROPERTY = "dev.jobs.local.recorded-runs";

    public Recorded() {
      super("recorded");
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) {
      String file = System.getProperty(FILE_PROPERTY);
      if (file == null) {
        throw new JobFailedException("no " + FILE_PROPERTY + ": nowhere to record the run");
      }
      ByteBuffer line =
          ByteBuffer.wrap(
              (context.jobId()
                      + " "
                      + context.attempt()
                      + " "
                      + ProcessHandle.current().pid()
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8));
      try (FileChannel runs =
          FileChannel.open(
              Path.of(file),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        runs.write(line);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return JobJson.MAPPER.createObjectNode().put("recorded", true);
    }
  }

  /** Fails every attempt. */
  public static final class Fail extends Kind {
    public Fail() {
      super("fail");
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) {
      throw new JobFailedException("attempt " + context.attempt() + " failed on purpose");
    }
  }

  /** Never ends, and ignores interrupts: only stopping its thread ends it. */
  public static final class Hang extends Kind {
    public Hang() {
      super("hang");
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) {
      while (true) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException ignored) {
          // Keeps going, as code that swallows interrupts does.
        }
      }
    }
  }

  /** Fails while {@link #BROKEN} is set, then succeeds. */
  public static final class Recovering extends Kind {
    public static final AtomicBoolean BROKEN = new AtomicBoolean(true);

    public Recovering() {
      super("recovering");
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) {
      if (BROKEN.get()) {
        throw new JobFailedException("still broken");
      }
      return JobJson.MAPPER.createObjectNode().put("recovered", true);
    }
  }

  /** Writes {@code lines} lines (default 3) to its log, as fast as it can: LogsBenchmark's job. */
  public static final class Chatter extends Kind {
    public Chatter() {
      super("chatter");
    }

    @Override
    public Set<String> parameterNames() {
      return Set.of("lines");
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) {
      int lines = parameters.path("lines").asInt(3);
      System.Logger log = context.log();
      for (int i = 1; i <= lines; i++) {
        log.log(System.Logger.Level.INFO, "line " + i + " of " + lines);
      }
      return JobJson.MAPPER.createObjectNode().put("lines", lines);
    }
  }

  /**
   * Calls {@code progress} as fast as it can for {@code seconds} (default 1), and answers how many
   * calls it made: the subject of ProgressBenchmark.
   */
  public static final class Report extends Kind {
    public Report() {
      super("report");
    }

    @Override
    public Set<String> parameterNames() {
      return Set.of("seconds");
    }

    @Override
    public JsonNode run(ObjectNode parameters, JobContext context) {
      long until = System.nanoTime() + parameters.path("seconds").asLong(1) * 1_000_000_000L;
      long calls = 0;
      while (System.nanoTime() < until) {
        calls++;
        context.progress(calls, 0, "call " + calls);
      }
      return JobJson.MAPPER.createObjectNode().put("calls", calls);
    }
  }

  abstract static class Kind implements JobKind {
    private final String name;

    Kind(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<String> parameterNames() {
      return Set.of("tag");
    }

    @Override
    public void validate(ObjectNode parameters) {}
  }
}
