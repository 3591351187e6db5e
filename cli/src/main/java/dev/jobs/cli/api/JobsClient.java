package dev.jobs.cli.api;

import dev.jobs.cli.aws.AwsErrors;
import dev.jobs.cli.aws.WireLog;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.net.NetworkErrors;
import dev.jobs.local.auth.SigV4;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The jobs REST API: {@code PUT /jobs/{id}}, {@code GET /jobs/{id}}, {@code GET /jobs?...}, {@code
 * POST /jobs/{id}/cancel} and {@code POST /jobs/{id}/retry}, signed with SigV4 for {@code
 * execute-api}. Connection errors, throttling and 5xx are retried with backoff, honouring {@code
 * Retry-After}, for the calls that do once what they do twice: a submit (the same id and bytes
 * answer {@code 202} again and run the job once), a cancel, a {@code GET}. A retry is repeated only
 * when the API cannot have taken it.
 */
public final class JobsClient {
  /** An answer the caller interprets: 2xx, 404 on a get or a retry, 409 on a cancel or a retry. */
  public record Response(int status, String body) {
    public boolean found() {
      return status != 404;
    }

    /** A cancel or a retry refused for the job's status: nothing changed. */
    public boolean conflict() {
      return status == 409;
    }
  }

  /**
   * The job-id pattern the API accepts ({@code ^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$}, which API
   * Gateway's request ids match): an id outside it is refused here, before any call.
   */
  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  /** The calls, by what each may repeat and how an error names it. */
  private enum Call {
    NAME(SdkHttpMethod.PUT, "PUT /jobs/{id}", true),
    // A retry repeated after its answer was lost would find the job QUEUED and answer 409, so it
    // is repeated only when it cannot have arrived.
    RETRY(SdkHttpMethod.POST, "POST /jobs/{id}/retry", false),
    GET(SdkHttpMethod.GET, "GET /jobs/{id}", true),
    LIST(SdkHttpMethod.GET, "GET /jobs", true),
    CANCEL(SdkHttpMethod.POST, "POST /jobs/{id}/cancel", true),
    STATS(SdkHttpMethod.GET, "GET /jobs/stats", true);

    final SdkHttpMethod method;
    final String named;

    /** Whether sending it twice does what sending it once does, so any failure may be retried. */
    final boolean idempotent;

    Call(SdkHttpMethod method, String named, boolean idempotent) {
      this.method = method;
      this.named = named;
      this.idempotent = idempotent;
    }
  }

  private static final String SERVICE = "execute-api";
  private static final String OLDER =
      ": its stack or local runtime is older than this jobs; deploy it again (jobs deploy) or"
          + " restart it (jobs local stop)";

  /**
   * As whom and for which region the requests are signed, and how to name those credentials in an
   * error.
   */
  public record Signer(String region, AwsCredentialsProvider credentials, String description) {}

  private final URI base;
  private final Signer signer;
  private final SdkHttpClient http;
  private final RetryPolicy retry;
  private final Environment environment;
  private final WireLog wireLog;

  public JobsClient(
      URI base,
      Signer signer,
      SdkHttpClient http,
      RetryPolicy retry,
      Environment environment,
      WireLog wireLog) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.signer = signer;
    this.http = http;
    this.retry = retry;
    this.environment = environment;
    this.wireLog = wireLog;
  }

  /**
   * Creates the job named {@code id} with these parameters, once: {@code 202 {"id"}} when created,
   * and again for the same id with the same parameters. Safe to repeat, so every failure is retried
   * with the same bytes; the id held by other parameters ends with exit 7.
   */
  public Response submit(String id, byte[] json) {
    Response response = call(Call.NAME, "/jobs/" + checked(id), Map.of(), json);
    if (response.conflict()) {
      throw new JobsException(ExitCode.EXISTS, "job " + id + " exists with other parameters");
    }
    return response;
  }

  public Response get(String id) {
    return call(Call.GET, "/jobs/" + checked(id), Map.of(), null);
  }

  /** A page of jobs, newest first: the API's {@code {"jobs": [...], "next": ...}}. */
  public JobPage list(JobQuery query) {
    Response response = call(Call.LIST, "/jobs", query.parameters(), null);
    if (!response.found()) {
      throw missing(Call.LIST, "404");
    }
    return JobPage.parse(response.body());
  }

  /**
   * The jobs of a window added up by the API ({@code GET /jobs/stats}, from its counters): the JSON
   * body, or empty when the API has none. A stack or local runtime from before the method reads the
   * path as {@code GET /jobs/{jobId}} of a job named {@code stats}, and answers 404.
   */
  public Optional<String> stats(Instant since, Instant until) {
    return stats(since, until, null, 0);
  }

  /**
   * {@link #stats(Instant, Instant)} of one type (null: every type), and with {@code stepMinutes}
   * above 0 a {@code series} of the window, one point per step (at most 120 points).
   */
  public Optional<String> stats(Instant since, Instant until, String type, long stepMinutes) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("since", since.toString());
    query.put("until", until.toString());
    if (type != null) {
      query.put("type", type);
    }
    if (stepMinutes > 0) {
      query.put("step", Long.toString(stepMinutes));
    }
    Response response = call(Call.STATS, "/jobs/stats", query, null);
    return response.found() ? Optional.of(response.body()) : Optional.empty();
  }

  /**
   * Asks the job to stop: {@code 202} with its record when the cancel is recorded (a RUNNING job's
   * {@code cancelRequestedAt}; a job with no record yet, or one already cancelled, CANCELLED), or
   * {@code 409} when the job had already ended otherwise and nothing changed.
   */
  public Response cancel(String id) {
    Response response =
        call(Call.CANCEL, "/jobs/" + checked(id) + "/cancel", Map.of(), new byte[0]);
    if (!response.found()) {
      // A runtime that predates cancel answers an unknown path with 404.
      throw missing(Call.CANCEL, "404");
    }
    return response;
  }

  /**
   * Starts a new attempt of a FAILED job (with {@code cancelled}, of a CANCELLED one too) under its
   * id: {@code 202} with its record, now QUEUED; {@code 409} when its status is another, {@code
   * 404} when there is no such job.
   */
  public Response retry(String id, boolean cancelled) {
    Response response =
        call(
            Call.RETRY,
            "/jobs/" + checked(id) + "/retry",
            cancelled ? Map.of("cancelled", "true") : Map.of(),
            new byte[0]);
    if (!response.found() && !"Job not found".equals(messageOf(response.body()))) {
      // A runtime that predates retry answers its unknown path with another 404.
      throw missing(Call.RETRY, "404");
    }
    return response;
  }

  /** Whether the text is a job id the API accepts. */
  public static boolean isJobId(String id) {
    return JOB_ID.matcher(id).matches();
  }

  /** Why an id is refused, in one line. */
  public static String notAJobId(String id) {
    return "'"
        + id
        + "' is not a job id (a letter or digit, then up to 127 letters, digits and . _ : -)";
  }

  private static String checked(String id) {
    if (!isJobId(id)) {
      throw new JobsException(ExitCode.USAGE, notAJobId(id));
    }
    return id;
  }

  private JobsException missing(Call call, String answer) {
    return new JobsException(
        ExitCode.ERROR,
        "the jobs API at " + base + " has no " + call.named + " (" + answer + ")" + OLDER);
  }

  private Response call(Call call, String path, Map<String, String> query, byte[] body) {
    SdkHttpMethod method = call.method;
    URI uri = URI.create(base + path);
    boolean reassumed = false;
    for (int attempt = 1; ; attempt++) {
      HttpExecuteResponse response;
      String text;
      try {
        response = send(method, uri, query, body);
        text = read(response);
      } catch (IOException e) {
        // A refused connection never reached the API, so even a POST is safe to repeat.
        if (attempt < retry.attempts() && (call.idempotent || refused(e))) {
          pause(attempt, null);
          continue;
        }
        String reason = NetworkErrors.reason(e);
        throw new JobsException(
            ExitCode.ERROR,
            "cannot reach the jobs API at "
                + base
                + (reason == null ? " (" + e.getMessage() + ")" : ": " + reason),
            e);
      }
      int status = response.httpResponse().statusCode();
      if (status == 407) {
        // The proxy's answer, not the API's: the Apache client hands back a refused tunnel as is.
        throw new JobsException(
            ExitCode.ERROR,
            "the proxy refused the call to the jobs API at "
                + base
                + " (407 Proxy Authentication Required); give its user and password in the proxy"
                + " URL, as HTTPS_PROXY=http://user:password@host:port");
      }
      if (status / 100 == 2
          || status == 404 && call != Call.NAME
          || status == 409 && (call == Call.CANCEL || call == Call.RETRY || call == Call.NAME)) {
        return new Response(status, text);
      }
      if ((status == 403 || status == 401) && !reassumed && renewable()) {
        reassumed = true;
        continue;
      }
      if (retryable(call, status) && attempt < retry.attempts()) {
        pause(attempt, response.httpResponse().firstMatchingHeader("Retry-After").orElse(null));
        continue;
      }
      throw failure(call, status, text, attempt);
    }
  }

  /** Cached credentials the API rejects may be stale (a restarted runtime): assume again once. */
  private boolean renewable() {
    return signer.credentials() instanceof RenewableCredentials renewable && renewable.invalidate();
  }

  private static boolean retryable(Call call, int status) {
    if (status == 429 || status == 503) {
      return true;
    }
    // A 500, 502 or 504 on a retry may come after the job was queued again: repeated, it would find
    // the job QUEUED and answer 409, as if someone else had re-driven it.
    return status / 100 == 5 && call.idempotent;
  }

  private static boolean refused(IOException e) {
    return e instanceof java.net.ConnectException;
  }

  private HttpExecuteResponse send(
      SdkHttpMethod method, URI uri, Map<String, String> query, byte[] body) throws IOException {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder().method(method).uri(uri).putHeader("Accept", "application/json");
    // The builder encodes the values, and the signer signs them as sent.
    query.forEach(request::putRawQueryParameter);
    ContentStreamProvider payload = null;
    if (body != null) {
      if (body.length > 0) {
        request.putHeader("Content-Type", "application/json");
      }
      request.putHeader("Content-Length", Integer.toString(body.length));
      payload = ContentStreamProvider.fromByteArray(body);
    }
    SdkHttpRequest signed;
    try {
      signed =
          sign(
              request.build(),
              body,
              signer.credentials().resolveCredentials(),
              signer.region(),
              Instant.now());
    } catch (SdkException e) {
      throw AwsErrors.translate(e, "signing the request with " + signer.description());
    }
    if (wireLog != null) {
      wireLog.note("execute-api:Invoke " + method + " " + uri.getPath());
      wireLog.request(signed, body == null ? null : new String(body, StandardCharsets.UTF_8));
    }
    return http.prepareRequest(
            HttpExecuteRequest.builder().request(signed).contentStreamProvider(payload).build())
        .call();
  }

  /**
   * The request with its {@code X-Amz-Date}, {@code X-Amz-Security-Token} and SigV4 {@code
   * Authorization} headers, every header it has signed: the local runtime's own SigV4 code, not the
   * SDK's signer, whose first use costs a {@code jobs get} ~30 ms ({@code SigV4SdkParityTest} holds
   * the two to the same signature).
   */
  static SdkHttpRequest sign(
      SdkHttpRequest request, byte[] body, AwsCredentials credentials, String region, Instant now) {
    String host =
        SdkHttpUtils.isUsingStandardPort(request.protocol(), request.port())
            ? request.host()
            : request.host() + ":" + request.port();
    byte[] payload = body == null ? new byte[0] : body;
    String payloadHash = SigV4.sha256Hex(payload);
    SdkHttpRequest.Builder signed =
        request.toBuilder()
            .putHeader("Host", host)
            .putHeader("X-Amz-Date", SigV4.amzDate(now))
            .putHeader("x-amz-content-sha256", payloadHash);
    if (credentials instanceof AwsSessionCredentials session) {
      signed.putHeader("X-Amz-Security-Token", session.sessionToken());
    }
    Map<String, List<String>> headers = new TreeMap<>();
    signed.forEachHeader(
        (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    URI uri = signed.build().getUri();
    dev.jobs.local.auth.SignedRequest canonical =
        new dev.jobs.local.auth.SignedRequest(
            request.method().name(), uri.getRawPath(), uri.getRawQuery(), headers, payload);
    return signed
        .putHeader(
            "Authorization",
            SigV4.authorization(
                credentials.accessKeyId(),
                credentials.secretAccessKey(),
                region,
                SERVICE,
                canonical,
                List.copyOf(headers.keySet()),
                payloadHash))
        .build();
  }

  private String read(HttpExecuteResponse response) throws IOException {
    String text = "";
    if (response.responseBody().isPresent()) {
      try (InputStream in = response.responseBody().get()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    if (wireLog != null) {
      wireLog.response(response.httpResponse(), text);
    }
    return text;
  }

  private void pause(int attempt, String retryAfter) {
    Duration delay = retry.delay(attempt, retryAfter, environment.clock().instant());
    if (wireLog != null) {
      wireLog.note("retrying in " + delay.toMillis() + " ms");
    }
    try {
      environment.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobsException(ExitCode.INTERRUPTED, "interrupted");
    }
  }

  private JobsException failure(Call call, int status, String body, int attempts) {
    String what = call.named;
    String message = messageOf(body);
    boolean added = call != Call.GET;
    if (added && status == 403 && message.equals("Missing Authentication Token")) {
      // API Gateway's answer to a method it does not have, signed or not.
      return missing(call, "403: Missing Authentication Token");
    }
    if (call == Call.NAME && status == 404) {
      return missing(call, "404");
    }

    if (status == 401 || status == 403) {
      return new JobsException(
          ExitCode.CREDENTIALS,
          "the jobs API refused "
              + what
              + " ("
              + status
              + ": "
              + message
              + ") with "
              + signer.description()
              + "; check the role and the target");
    }
    if (call == Call.LIST && status == 400) {
      return new JobsException(ExitCode.USAGE, "the jobs API rejected the list: " + message);
    }
    if (call == Call.CANCEL && status == 400) {
      return new JobsException(ExitCode.USAGE, "the jobs API rejected the cancel: " + message);
    }
    if (call == Call.RETRY && status == 400) {
      return new JobsException(ExitCode.USAGE, "the jobs API rejected the retry: " + message);
    }
    if (status == 400 || status == 413 || status == 415) {
      return new JobsException(ExitCode.USAGE, "the jobs API rejected the job: " + message);
    }
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    return new JobsException(
        ExitCode.ERROR,
        "the jobs API answered " + what + " with " + status + tries + ": " + message);
  }

  /**
   * API Gateway's error bodies are {@code {"message": ...}}; the 400 to a body the API's model
   * rejects also names the job types served ({@code jobTypes}), which is what a user who asked for
   * an unknown type needs; anything else is shown shortened.
   */
  public static String messageOf(String body) {
    if (body == null || body.isBlank()) {
      return "no message";
    }
    try {
      JsonNode node = Json.parse(body);
      String message = Json.text(node, "message");
      if (message == null) {
        message = Json.text(node, "Message");
      }
      if (message != null) {
        JsonNode types = node.isObject() ? node.asObject().get("jobTypes") : null;
        if (types == null || !types.isArray() || types.asArray().isEmpty()) {
          return message;
        }
        StringBuilder named = new StringBuilder(message).append(" (job types: ");
        List<JsonNode> each = types.asArray();
        for (int i = 0; i < each.size(); i++) {
          named.append(i == 0 ? "" : ", ").append(each.get(i).text());
        }
        return named.append(')').toString();
      }
    } catch (IllegalArgumentException e) {
      // Not JSON: show the start of it.
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }
}
