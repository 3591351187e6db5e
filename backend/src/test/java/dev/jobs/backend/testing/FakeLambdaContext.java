package dev.jobs.backend.testing;

import dev.jobs.backend.aws.FunctionContext;

/**
 * The invocation context the handler tests give: the processing function {@code jobs-process} of
 * 1,024 MB, invoked through its {@code live} alias, with a fixed remaining time.
 */
public final class FakeLambdaContext {
  private FakeLambdaContext() {}

  public static FunctionContext of(String requestId, int remainingMillis) {
    return new FunctionContext(
        requestId,
        "jobs-process",
        "arn:aws:lambda:us-east-1:123456789012:function:jobs-process:live",
        "1",
        1024,
        () -> remainingMillis);
  }

  /** A context of request {@code lambda-request-1}. */
  public static FunctionContext of(int remainingMillis) {
    return of("lambda-request-1", remainingMillis);
  }
}
