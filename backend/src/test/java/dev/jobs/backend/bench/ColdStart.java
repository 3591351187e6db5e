package dev.jobs.backend.bench;

import dev.jobs.backend.handler.ProcessJobHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The child process of the cold-start benchmark: what a fresh Lambda container does before its
 * first answer. Builds the processing handler through its no-argument constructor (the Lambda
 * wiring, from the environment) and handles one {@code noop} job. Prints {@code COLD <init ns>
 * <first event ns> <process CPU ns>} once the event is handled; the parent times the whole process
 * from its start.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String id = args[0];
    long start = System.nanoTime();
    ProcessJobHandler handler = new ProcessJobHandler();
    long built = System.nanoTime();
    byte[] event =
        ("{\"id\":\"" + id + "\",\"parameters\":{\"type\":\"noop\"}}")
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), output, new BenchContext(id));
    long handled = System.nanoTime();
    String answer = output.toString(StandardCharsets.UTF_8);
    if (!answer.contains("\"SUCCEEDED\"")) {
      System.err.println("the first event was not processed: " + answer);
      System.exit(1);
    }
    System.out.println(
        "COLD " + (built - start) + " " + (handled - built) + " " + ProcessCpu.nanosSoFar());
    System.out.flush();
  }
}
