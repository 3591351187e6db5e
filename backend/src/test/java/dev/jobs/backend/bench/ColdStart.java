package dev.jobs.backend.bench;

import dev.jobs.backend.handler.ProcessJobHandler;

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
    long handled = NoOpJob.handleFirstEvent(handler, id);
    System.out.println(
        "COLD " + (built - start) + " " + (handled - built) + " " + ProcessCpu.nanosSoFar());
    System.out.flush();
  }
}
