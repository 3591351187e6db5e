package dev.jobs.local.apigateway;

import dev.jobs.backend.cancel.JobCancel;
import dev.jobs.backend.job.ApiAnswer;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobRequestSchema;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.list.JobList;
import dev.jobs.backend.queue.JobQueue;
import dev.jobs.backend.stats.JobStatistics;
import dev.jobs.backend.store.JobStore;
import dev.jobs.local.auth.AuthFailure;
import dev.jobs.local.auth.Caller;
import dev.jobs.local.auth.SignatureVerifier;
import dev.jobs.local.auth.SignedRequest;
import dev.jobs.local.lambda.LocalFunction;
import dev.jobs.local.protocol.AwsEndpoint;
import dev.jobs.local.protocol.AwsError;
import dev.jobs.local.protocol.GatewayAnswer;
import dev.jobs.local.server.HttpCall;
import dev.jobs.local.stack.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The jobs API's API Gateway stage ({@code /prod}) as the deployed stack serves it: IAM (SigV4)
 * authorization for the invoke role, then the request validator, then an asynchronous Lambda
 * invocation. {@code 202} is sent only once the invocation is on disk. {@code GET /jobs} answers
 * through the backend's {@link JobList}, as the deployed list function does, and {@code POST
 * /jobs/{id}/cancel} through its {@link JobCancel}, as the deployed cancel function does.
 */
public final class ApiGatewayStage implements AwsEndpoint.Stage {
  private static final String JSON = "application/json";
  private static final String JOBS = "/" + LocalStack.STAGE + "/jobs";
  private static final String CANCEL = "/cancel";
  private static final String RETRY = "/retry";
  private static final String STATS = "/stats";

  /** API Gateway's largest request payload (10 MB); a larger one answers 413. */
  static final int API_PAYLOAD_LIMIT = 10 * 1024 * 1024;

  /** Lambda's largest asynchronous invocation payload (1 MB), the whole templated payload. */
  static final int ASYNC_PAYLOAD_LIMIT = JobRequests.MAX_BODY_BYTES;

  private final SignatureVerifier verifier;
  private final LocalStack stack;
  private final RequestValidator validator;
  private final Integrations integrations;

  /**
   * What the deployed stack's routes are integrated with: {@code POST /jobs} invokes the processing
   * function asynchronously, {@code GET /jobs/{id}} reads the job table directly, {@code GET /jobs}
   * is the list function's, {@code POST /jobs/{id}/cancel} the cancel function's, {@code PUT
   * /jobs/{id}} and {@code POST /jobs/{id}/retry} the queue function's, {@code GET /jobs/stats} the
   * stats function's.
   */
  public record Integrations(
      LocalFunction processing,
      JobStore table,
      JobList list,
      JobCancel cancel,
      JobQueue queue,
      JobStatistics statistics) {}

  /**
   * @param jobTypes the job types served, which the request validator allows
   */
  public ApiGatewayStage(
      SignatureVerifier verifier,
      LocalStack stack,
      List<String> jobTypes,
      Integrations integrations) {
    this.verifier = verifier;
    this.stack = stack;
    this.validator = RequestValidator.load(jobTypes);
    this.integrations = integrations;
  }

  @Override
  public boolean serves(String path) {
    return path.startsWith("/" + LocalStack.STAGE + "/") || path.equals("/" + LocalStack.STAGE);
  }

  @Override
  public void handle(HttpCall call) throws IOException {
    String path = call.path();
    boolean submit = call.method().equals("POST") && path.equals(JOBS);
    boolean listing = call.method().equals("GET") && path.equals(JOBS);
    // API Gateway prefers the literal resource /jobs/stats to /jobs/{jobId}.
    boolean counting = call.method().equals("GET") && path.equals(JOBS + STATS);
    String jobId =
        call.method().equals("GET") && !counting && path.startsWith(JOBS + "/")
            ? path.substring(JOBS.length() + 1)
            : null;
    String cancelId =
        call.method().equals("POST") && path.startsWith(JOBS + "/") && path.endsWith(CANCEL)
            ? path.substring(
                JOBS.length() + 1, Math.max(JOBS.length() + 1, path.length() - CANCEL.length()))
            : null;
    boolean cancelling = cancelId != null && !cancelId.isEmpty() && !cancelId.contains("/");
    String retryId = call.method().equals("POST") ? subresource(path, RETRY) : null;
    String putId =
        call.method().equals("PUT") && path.startsWith(JOBS + "/")
            ? path.substring(JOBS.length() + 1)
            : null;
    boolean putting = putId != null && !putId.isEmpty() && !putId.contains("/");
    boolean retrying = retryId != null;
    // The literal resource also takes the job id "stats" out of every /jobs/{jobId} route.
    boolean statsResource = path.equals(JOBS + STATS) || path.startsWith(JOBS + STATS + "/");
    if (statsResource && !counting
        || !submit
            && !listing
            && !counting
            && !cancelling
            && !putting
            && !retrying
            && (jobId == null || jobId.isEmpty() || jobId.contains("/"))) {
      // API Gateway's answer for a route it does not have.
      GatewayAnswer.message(
          call, 403, "Missing Authentication Token", "MissingAuthenticationTokenException");
      return;
    }
    if (call.tooLarge()) {
      // API Gateway turns it away at the door; its signature cannot be checked on a cut body.
      GatewayAnswer.message(call, 413, "Request Too Long", null);
      return;
    }
    Caller caller;
    try {
      caller = verifier.verify(call.request(), "execute-api");
    } catch (AuthFailure failure) {
      String type =
          switch (failure.code()) {
            case "MissingAuthenticationToken" -> "MissingAuthenticationTokenException";
            case "UnrecognizedClientException" -> "UnrecognizedClientException";
            case "ExpiredTokenException" -> "ExpiredTokenException";
            default -> "InvalidSignatureException";
          };
      GatewayAnswer.message(call, 403, failure.getMessage(), type);
      return;
    }
    if (!stack.invokeRoleArn().equals(caller.roleArn())) {
      String resource =
          stack.apiArn(
              call.method(),
              submit || listing
                  ? "/jobs"
                  : counting
                      ? "/jobs" + STATS
                      : cancelling
                          ? "/jobs/" + cancelId + CANCEL
                          : retrying
                              ? "/jobs/" + retryId + RETRY
                              : "/jobs/" + (putting ? putId : jobId));
      ObjectNode body =
          JobJson.MAPPER
              .createObjectNode()
              .put(
                  "Message",
                  AwsError.notAuthorized(
                      caller.arn(), "execute-api:Invoke", "on resource: " + resource));
      GatewayAnswer.json(call, 403, body, "AccessDeniedException");
      return;
    }
    if (listing) {
      list(call); // a Lambda proxy integration: no template, any content type goes through
    } else if (counting) {
      stats(call); // the stats function's proxy integration, likewise
    } else if (cancelling) {
      cancel(call, pathParameter(cancelId)); // a Lambda proxy integration too; the body is ignored
    } else if (retrying) {
      retry(call, pathParameter(retryId)); // the queue function's proxy integration; body ignored
    } else if (!hasTemplateFor(call.header("content-type"))) {
      // Passthrough NEVER: a content type without a template is refused before the integration
      // (and POST's body is validated only against the model of its own content type: none).
      GatewayAnswer.message(call, 415, "Unsupported Media Type", null);
    } else if (submit) {
      submit(call);
    } else if (putting) {
      put(call, pathParameter(putId));
    } else {
      get(call, pathParameter(jobId));
    }
  }

  /**
   * A path parameter as API Gateway hands it on: percent-decoded (UTF-8), with {@code +} left a
   * plus, as in any path. A malformed escape is kept as sent; no job has such an id.
   */
  static String pathParameter(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    StringBuilder decoded = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      if (raw.charAt(i) != '%') {
        decoded.append(raw.charAt(i++));
        continue;
      }
      // A run of escapes is one UTF-8 sequence (or several).
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      while (i < raw.length() && raw.charAt(i) == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
        if (low < 0) {
          return raw;
        }
        bytes.write(high << 4 | low);
        i += 3;
      }
      decoded.append(bytes.toString(StandardCharsets.UTF_8));
    }
    return decoded.toString();
  }

  /**
   * Whether an integration with the deployed stack's templates takes this {@code Content-Type}: API
   * Gateway reads a missing one as {@code application/json}, and matches the media type alone,
   * without parameters such as {@code charset}.
   */
  static boolean hasTemplateFor(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    int parameters = contentType.indexOf(';');
    String mediaType =
        (parameters < 0 ? contentType : contentType.substring(0, parameters))
            .trim()
            .toLowerCase(Locale.ROOT);
    return JobsApiTemplates.MAPPED_CONTENT_TYPES.contains(mediaType);
  }

  /**
   * Checks the body against the request model, answering the deployed stack's 400 when it fails.
   *
   * @return whether the body passed (else the answer is sent)
   */
  private boolean validBody(HttpCall call) throws IOException {
    JsonNode body;
    try {
      body = JobJson.MAPPER.readTree(call.body());
    } catch (JacksonException e) {
      body = null;
    }
    List<String> problems =
        body == null || body.isMissingNode()
            ? List.of("the body is not JSON")
            : validator.problems(body);
    if (!problems.isEmpty()) {
      // The deployed stack's gateway response for BAD_REQUEST_BODY: its message and the types
      // served, not the validator's reasons (see JobRequestSchema.INVALID_BODY_MESSAGE for why).
      ObjectNode answer =
          JobJson.MAPPER.createObjectNode().put("message", JobRequestSchema.INVALID_BODY_MESSAGE);
      validator.types().forEach(answer.putArray("jobTypes")::add);
      GatewayAnswer.json(call, 400, answer, "BadRequestException");
      return false;
    }
    return true;
  }

  private void submit(HttpCall call) throws IOException {
    if (!validBody(call)) {
      return;
    }
    // API Gateway's request id, the x-amzn-RequestId of this answer, becomes the job id.
    String id = call.requestId();
    byte[] payload = invocationPayload(id, call.body());
    if (payload.length > ASYNC_PAYLOAD_LIMIT) {
      // Lambda refuses the invocation (413); API Gateway answers any refused invocation with 500.
      GatewayAnswer.message(call, 500, "Internal server error", null);
      return;
    }
    // A failure here is the server's: LocalServer logs it and answers 500.
    integrations.processing().invoke(id, new String(payload, StandardCharsets.UTF_8)).join();
    // The id is a UUID: nothing in it needs escaping.
    call.respond(202, JSON, "{\"id\":\"" + id + "\"}");
  }

  /**
   * {@code /prod/jobs/{id}<suffix>}'s id, or null for another path: one path segment, not empty.
   */
  private static String subresource(String path, String suffix) {
    if (!path.startsWith(JOBS + "/") || !path.endsWith(suffix)) {
      return null;
    }
    String id =
        path.substring(
            JOBS.length() + 1, Math.max(JOBS.length() + 1, path.length() - suffix.length()));
    return id.isEmpty() || id.contains("/") ? null : id;
  }

  /**
   * The queue function's answer to {@code PUT /jobs/{id}}, after the request model's check, as on
   * AWS: the same 400 for a body the model rejects.
   */
  private void put(HttpCall call, String id) throws IOException {
    if (!validBody(call)) {
      return;
    }
    // A store failure is the server's: LocalServer logs it and answers 500, as the function does.
    respond(call, integrations.queue().put(id, new String(call.body(), StandardCharsets.UTF_8)));
  }

  /** The queue function's answer to {@code POST /jobs/{id}/retry[?cancelled=true]}. */
  private void retry(HttpCall call, String id) throws IOException {
    boolean cancelled = "true".equals(queryParameters(call.request().rawQuery()).get("cancelled"));
    respond(call, integrations.queue().retry(id, cancelled));
  }

  /** The request template rendered: {@code $context.requestId} and {@code $input.body} in place. */
  static byte[] invocationPayload(String requestId, byte[] body) {
    String rendered =
        JobsApiTemplates.INVOCATION_TEMPLATE
            .replace("$context.requestId", requestId)
            .replace("$input.body", new String(body, StandardCharsets.UTF_8));
    return rendered.getBytes(StandardCharsets.UTF_8);
  }

  private void get(HttpCall call, String id) throws IOException {
    Optional<JobRecord> job = integrations.table().find(id);
    if (job.isEmpty()) {
      GatewayAnswer.message(call, 404, "Job not found", null);
      return;
    }
    call.respond(200, JSON, JobJson.MAPPER.writeValueAsString(job.get()));
  }

  /** The list function's answer, as API Gateway's proxy integration hands it back. */
  private void list(HttpCall call) throws IOException {
    // A store failure is the server's: LocalServer logs it and answers 500, as the function does.
    respond(call, integrations.list().answer(queryParameters(call.request().rawQuery())));
  }

  /** The stats function's answer, through the backend's {@link JobStatistics} as on AWS. */
  private void stats(HttpCall call) throws IOException {
    // A store failure is the server's: LocalServer logs it and answers 500, as the function does.
    respond(call, integrations.statistics().answer(queryParameters(call.request().rawQuery())));
  }

  /** The cancel function's answer, through the backend's {@link JobCancel} as on AWS. */
  private void cancel(HttpCall call, String id) throws IOException {
    // A store failure is the server's: LocalServer logs it and answers 500, as the function does.
    respond(call, integrations.cancel().answer(id));
  }

  /** A backend function's answer, as API Gateway's proxy integration hands it back. */
  private static void respond(HttpCall call, ApiAnswer answer) throws IOException {
    call.respond(answer.statusCode(), JSON, answer.body());
  }

  /**
   * Query parameters as API Gateway puts them in {@code queryStringParameters}: percent-decoded,
   * the last value of a repeated name.
   */
  static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    SignedRequest.forEachPair(
        rawQuery, (name, value) -> parameters.put(pathParameter(name), pathParameter(value)));
    return parameters;
  }

  @Override
  public int maxBody() {
    return API_PAYLOAD_LIMIT;
  }
}
