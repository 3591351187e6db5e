package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Context;
import org.crac.Resource;

/**
 * A handler whose function SnapStart may snapshot: before the checkpoint it runs its priming and
 * preloads its first request's classes ({@link SnapStartHooks#beforeCheckpoint}); after a restore
 * there is nothing to redo ({@link SnapStartHooks#afterRestore}). Public, as Lambda and CRaC call
 * these methods on the handler classes.
 */
public abstract class SnapStartHandler implements RequestStreamHandler, Resource {
  private final Runnable priming;

  /**
   * @param priming what the handler runs before the snapshot; {@link SnapStartHooks#NONE} when
   *     built for a runtime that takes no snapshot
   */
  SnapStartHandler(Runnable priming) {
    this.priming = priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    SnapStartHooks.beforeCheckpoint(getClass(), priming);
  }

  /** Nothing to make unique per copy (see {@link SnapStartHooks#afterRestore}). */
  @Override
  public void afterRestore(Context<? extends Resource> context) {
    SnapStartHooks.afterRestore();
  }
}
