package dev.jobs.local.lambda;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Marks the thread of an attempt that timed out. On AWS the timed-out environment is gone; here the
 * handler's thread may outlive its attempt for a moment, so the stores refuse its writes.
 */
public final class AttemptFence {
  private static final ThreadLocal<AtomicBoolean> ABANDONED = new ThreadLocal<>();

  private AttemptFence() {}

  static void enter(AtomicBoolean abandoned) {
    ABANDONED.set(abandoned);
  }

  static void exit() {
    ABANDONED.remove();
  }

  /** True on the thread of an attempt that has already timed out. */
  public static boolean isAbandoned() {
    AtomicBoolean abandoned = ABANDONED.get();
    return abandoned != null && abandoned.get();
  }
}
