package dev.jobs.backend.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.testing.FakeLambdaContext;
import dev.jobs.backend.testing.HandlerCalls;
import dev.jobs.backend.testing.ParameterlessJob;
import dev.jobs.kind.JobContext;
import dev.jobs.kind.JobKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job that does no work, so that the benchmark measures only the handler's own path. Registered
 * for the cold-start child process by a service file the benchmark writes, not by test resources,
 * so that no other test sees it.
 */
public final class NoOpJob extends ParameterlessJob {
  public static final String NAME = "noop";

  /**
   * A new class path entry (a temporary directory) holding the service file that registers this
   * kind beside the built-in ones.
   */
  public static Path serviceEntry() throws IOException {
    Path dir = Files.createTempDirectory("noop-kind-");
    Path file = dir.resolve("META-INF/services/" + JobKind.class.getName());
    Files.createDirectories(file.getParent());
    Files.writeString(file, NoOpJob.class.getName() + "\n");
    return dir;
  }

  /** Deletes what {@link #serviceEntry()} made. */
  public static void deleteServiceEntry(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  public NoOpJob() {
    super(NAME);
  }

  /** The event of a {@code noop} job with this id, as the API sends it. */
  private static String event(String id) {
    return "{\"id\":\"" + id + "\",\"parameters\":{\"type\":\"" + NAME + "\"}}";
  }

  /**
   * Handles the first event, a {@code noop} job of this id, as the start-up benchmarks' children
   * do; ends the process with 1 unless the job succeeded.
   *
   * @return {@link System#nanoTime} once the handler answered
   */
  static long handleFirstEvent(RequestStreamHandler handler, String id) throws IOException {
    String answer = HandlerCalls.answer(handler, event(id), FakeLambdaContext.of(id, 900_000));
    long handled = System.nanoTime();
    if (!answer.contains("\"SUCCEEDED\"")) {
      System.err.println("the first event was not processed: " + answer);
      System.exit(1);
    }
    return handled;
  }

  @Override
  public JsonNode run(ObjectNode parameters, JobContext context) {
    return JobJson.MAPPER.createObjectNode().put("done", true);
  }
}
