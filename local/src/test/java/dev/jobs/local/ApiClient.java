package dev.jobs.local;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.auth.SdkSigner;
import dev.jobs.local.stack.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import tools.jackson.databind.JsonNode;

/** Calls a running local runtime's jobs API as the CLI does: role credentials, SigV4 signing. */
public final class ApiClient {
  public record Response(int status, JsonNode body, String text) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final String apiUrl;
  private final String region;
  private String keyId;
  private String secret;
  private String token;
  private String service = "execute-api";
  private Clock clock = Clock.systemUTC();

  public ApiClient(String apiUrl, String region) {
    this.apiUrl = apiUrl;
    this.region = region;
  }

  public static StsClient sts(String endpoint, String keyId, String secret) {
    return AwsClients.client(StsClient.builder(), endpoint, keyId, secret);
  }

  /** A client with credentials from the local STS for the invoke role. */
  public static ApiClient forRole(LocalRuntime runtime) {
    return forRole(runtime.endpoint());
  }

  /** A client for the runtime at an endpoint, with the default stack's names. */
  public static ApiClient forRole(String endpoint) {
    LocalStack stack = new LocalStack(LocalStack.DEFAULT_STACK_NAME, "us-east-1", endpoint);
    try (StsClient sts = sts(endpoint, "test", "test")) {
      Credentials credentials =
          sts.assumeRole(r -> r.roleArn(stack.invokeRoleArn()).roleSessionName("test"))
              .credentials();
      return new ApiClient(stack.apiUrl(), "us-east-1")
          .credentials(
              credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }
  }

  public ApiClient credentials(String keyId, String secret, String token) {
    ApiClient copy = copy();
    copy.keyId = keyId;
    copy.secret = secret;
    copy.token = token;
    return copy;
  }

  public String keyId() {
    return keyId;
  }

  public String secret() {
    return secret;
  }

  public String token() {
    return token;
  }

  public ApiClient signedFor(String service, Clock clock) {
    ApiClient copy = copy();
    copy.service = service;
    copy.clock = clock;
    return copy;
  }

  public ApiClient inRegion(String region) {
    ApiClient copy = new ApiClient(apiUrl, region);
    copy.keyId = keyId;
    copy.secret = secret;
    copy.token = token;
    copy.service = service;
    copy.clock = clock;
    return copy;
  }

  private ApiClient copy() {
    return inRegion(region);
  }

  public Response submit(String body) {
    return send("POST", "/jobs", body, true);
  }

  public Response get(String id) {
    return send("GET", "/jobs/" + id, null, true);
  }

  /** {@code POST /jobs/{id}/cancel}, with no body. */
  public Response cancel(String id) {
    return send("POST", "/jobs/" + id + "/cancel", null, true);
  }

  /** {@code PUT /jobs/{id}}: a job named by its client. */
  public Response put(String id, String body) {
    return send("PUT", "/jobs/" + id, body, true);
  }

  /** {@code POST /jobs/{id}/retry}, with a raw query string, empty for none. */
  public Response retry(String id, String rawQuery) {
    return send(
        "POST", "/jobs/" + id + "/retry" + (rawQuery.isEmpty() ? "" : "?" + rawQuery), null, true);
  }

  /** {@code GET /jobs} with a raw (already encoded) query string, empty for none. */
  /** {@code GET /jobs/stats}, the query as given. */
  public Response stats(String rawQuery) {
    return send("GET", "/jobs/stats?" + rawQuery, null, true);
  }

  public Response list(String rawQuery) {
    return send("GET", rawQuery.isEmpty() ? "/jobs" : "/jobs?" + rawQuery, null, true);
  }

  /** Any route, signed: {@code path} below the stage, with its query if any. */
  public Response signed(String method, String path, String body) {
    return send(method, path, body, true);
  }

  public Response unsigned(String method, String path, String body) {
    return send(method, path, body, false);
  }

  /** Polls until the job has a terminal status, or fails after the timeout. */
  public JsonNode awaitTerminal(String id, Duration timeout) {
    return awaitTerminal(id, 0, timeout);
  }

  /**
   * Polls until the job's attempt number {@code attempt} (or a later one) has ended: a re-driven
   * job still shows its earlier end until the re-drive, which runs asynchronously, starts it.
   */
  public JsonNode awaitTerminal(String id, int attempt, Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      Response response = get(id);
      if (response.status() == 200) {
        String status = response.body().path("status").asString();
        if ((status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED"))
            && response.body().path("attempts").asInt(0) >= attempt) {
          return response.body();
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        "job " + id + " did not end within " + timeout + ": " + get(id).text());
  }

  private Response send(String method, String path, String body, boolean sign) {
    URI uri = URI.create(apiUrl + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (sign) {
      Map<String, List<String>> headers =
          SdkSigner.sign(method, uri, body, keyId, secret, token, region, service, clock);
      headers.forEach(
          (name, values) -> {
            if (!name.equals("host") && !name.equals("content-length")) {
              values.forEach(value -> request.header(name, value));
            }
          });
    } else {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = JobJson.MAPPER.readTree(response.body());
      } catch (RuntimeException e) {
        json = null;
      }
      return new Response(response.statusCode(), json, response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
