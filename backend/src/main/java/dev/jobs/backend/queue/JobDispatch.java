package dev.jobs.backend.queue;

/** Where a queued job's dispatch goes: an asynchronous invocation of the processing function. */
public interface JobDispatch {
  /**
   * Hands the processing function one invocation, {@code {"id", "parameters", "queuedAt"}}.
   *
   * @throws RuntimeException when it was not accepted (the caller dispatches it again)
   */
  void invoke(String payload);
}
