package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobs.backend.job.ApiAnswer;
import dev.jobs.backend.queue.JobQueue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The queue function behind {@code PUT /jobs/{jobId}} and {@code POST /jobs/{jobId}/retry}: API
 * Gateway's Lambda proxy event in, the proxy response out, through the backend's {@link JobQueue}.
 * It only writes the job's record {@code QUEUED} (one conditional {@code UpdateItem}); the table's
 * stream carries the record to the dispatcher, which starts the job. Why a function and not a
 * direct DynamoDB integration: docs/job-contract.md.
 */
public class QueueJobHandler extends BackendHandler {
  /** The query parameter of a retry that lets a {@code CANCELLED} job be retried too. */
  static final String CANCELLED = "cancelled";

  /** An id outside the job-id pattern: answered 400 before any write. */
  static final String PRIMING_EVENT =
      "{\"httpMethod\":\"PUT\",\"resource\":\"/jobs/{jobId}\",\"path\":\"/jobs/%23priming\","
          + "\"headers\":{\"Content-Type\":\"application/json\"},"
          + "\"pathParameters\":{\"jobId\":\""
          + Priming.IMPOSSIBLE_ID
          + "\"},\"body\":\"{\\\"seconds\\\":1}\"}";

  private final JobQueue queue;

  /**
   * Lambda's constructor: wired from the environment, once per container, and primed before
   * SnapStart's snapshot.
   */
  public QueueJobHandler() {
    this(Backend.fromEnvironment().queue(), true);
    SnapStartHooks.register(this);
  }

  /** Without priming: for a runtime that takes no snapshot. */
  public QueueJobHandler(JobQueue queue) {
    this(queue, false);
  }

  /** Primes the event and answer path with an id no job has: answered 400, nothing written. */
  QueueJobHandler(JobQueue queue, boolean primes) {
    super(primes, PRIMING_EVENT, 400, "queue function");
    this.queue = queue;
  }

  @Override
  JsonNode handle(JsonNode event, Context context) {
    return proxyResponse(context, "queueing a job", () -> answer(event));
  }

  private ApiAnswer answer(JsonNode event) {
    String jobId = CancelJobHandler.jobId(event);
    if ("PUT".equals(event.path("httpMethod").asString(""))) {
      if (!isJson(event.path("headers"))) {
        // What API Gateway answers a body of a type its templates lack, as POST /jobs does.
        return ApiAnswer.message(415, "Unsupported Media Type");
      }
      return queue.put(jobId, body(event));
    }
    boolean cancelled =
        "true".equals(event.path("queryStringParameters").path(CANCELLED).asString(""));
    return queue.retry(jobId, cancelled);
  }

  /** The request body as text; API Gateway base64-encodes only binary media types. */
  static String body(JsonNode event) {
    JsonNode body = event.get("body");
    if (body == null || !body.isString()) {
      return null;
    }
    if (event.path("isBase64Encoded").asBoolean(false)) {
      return new String(Base64.getDecoder().decode(body.asString()), StandardCharsets.UTF_8);
    }
    return body.asString();
  }

  /**
   * Whether the body's {@code Content-Type} is JSON as the request model reads it: absent, or
   * {@code application/json} with or without parameters. Header names are matched in any case.
   */
  static boolean isJson(JsonNode headers) {
    String type = null;
    for (Map.Entry<String, JsonNode> header : headers.properties()) {
      if (header.getKey().equalsIgnoreCase("content-type")) {
        type = header.getValue().asString("");
      }
    }
    if (type == null || type.isBlank()) {
      return true;
    }
    int parameters = type.indexOf(';');
    return (parameters < 0 ? type : type.substring(0, parameters))
        .trim()
        .toLowerCase(Locale.ROOT)
        .equals("application/json");
  }
}
