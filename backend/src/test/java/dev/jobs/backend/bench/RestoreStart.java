package dev.jobs.backend.bench;

import dev.jobs.backend.handler.ProcessJobHandler;

/**
 * The child process of the SnapStart benchmark: what the snapshot holds, then what a restored copy
 * pays. Builds the processing handler through its Lambda constructor, runs its SnapStart hook
 * before the snapshot when asked ({@code primed}; {@code unprimed} is the function before priming
 * existed), and handles one {@code noop} job. Prints {@code RESTORE <init and priming ns> <first
 * event ns> <process CPU ns>}. The parent runs it with {@code -Dhttp.keepAlive=false}: a restored
 * copy cannot reuse the connection the priming opened before the snapshot.
 */
public final class RestoreStart {
  private RestoreStart() {}

  public static void main(String[] args) throws Exception {
    String id = args[0];
    boolean primed = args[1].equals("primed");
    long start = System.nanoTime();
    ProcessJobHandler handler = new ProcessJobHandler();
    if (primed) {
      handler.beforeCheckpoint(null);
      handler.afterRestore(null);
    }
    long snapshot = System.nanoTime();
    long handled = NoOpJob.handleFirstEvent(handler, id);
    System.out.println(
        "RESTORE "
            + (snapshot - start)
            + " "
            + (handled - snapshot)
            + " "
            + ProcessCpu.nanosSoFar());
    System.out.flush();
  }
}
