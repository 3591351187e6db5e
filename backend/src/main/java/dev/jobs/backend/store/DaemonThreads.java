package dev.jobs.backend.store;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for background work that must not keep the process alive: a Lambda instance or the local
 * runtime ends when its own work ends, whatever query or timer still waits. Each is named for what
 * it does, as a thread dump should tell.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A factory of daemon threads, each named {@code name}. */
  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
