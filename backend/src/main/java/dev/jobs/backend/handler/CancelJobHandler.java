package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobs.backend.cancel.JobCancel;
import tools.jackson.databind.JsonNode;

/**
 * The cancel function behind {@code POST /jobs/{jobId}/cancel}: API Gateway's Lambda proxy event
 * in, the proxy response out. A function rather than a direct DynamoDB integration because a
 * cancel's answer depends on the job's state (202, 409, or a record made for a job not started
 * yet), which takes a second conditional write a mapping template cannot chain; its role needs only
 * {@code dynamodb:UpdateItem} on the table.
 */
public class CancelJobHandler extends BackendHandler {
  /** The path parameter API Gateway names after the resource {@code /jobs/{jobId}}. */
  static final String JOB_ID = "jobId";

  /** An id outside the job-id pattern: answered 400 before any write. */
  static final String PRIMING_EVENT =
      "{\"httpMethod\":\"POST\",\"path\":\"/jobs/%23priming/cancel\","
          + "\"pathParameters\":{\"jobId\":\""
          + Priming.IMPOSSIBLE_ID
          + "\"}}";

  private final JobCancel cancel;

  /**
   * Lambda's constructor: wired from the environment, once per container, and primed before
   * SnapStart's snapshot.
   */
  public CancelJobHandler() {
    this(Backend.fromEnvironment().cancel(), true);
    SnapStartHooks.register(this);
  }

  /** Without priming: for a runtime that takes no snapshot. */
  public CancelJobHandler(JobCancel cancel) {
    this(cancel, false);
  }

  /**
   * Primes the event and answer path with {@link #PRIMING_EVENT}, which no store call follows: the
   * function may only write, and a priming write would cancel something.
   */
  CancelJobHandler(JobCancel cancel, boolean primes) {
    super(primes, PRIMING_EVENT, 400, "cancel");
    this.cancel = cancel;
  }

  @Override
  JsonNode handle(JsonNode event, Context context) {
    return proxyResponse(context, "cancelling a job", () -> cancel.answer(jobId(event)));
  }

  /** {@code pathParameters.jobId}, already decoded; null when missing. */
  static String jobId(JsonNode event) {
    JsonNode id = event == null ? null : event.path("pathParameters").get(JOB_ID);
    return id != null && id.isString() ? id.asString() : null;
  }
}
