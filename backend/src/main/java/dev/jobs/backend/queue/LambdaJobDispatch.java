package dev.jobs.backend.queue;

import dev.jobs.backend.aws.FunctionEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/**
 * The dispatch on Lambda: {@code Invoke} with {@code X-Amz-Invocation-Type: Event}, so that the
 * processing function's asynchronous retries, event age and on-failure destination hold for a
 * queued job as for one {@code POST /jobs} started.
 *
 * <p>One request signed with the SDK's own SigV4 signer and sent through its url-connection client,
 * rather than the SDK's Lambda client: that client's service model, for this one operation, is 2.9
 * MB of the jar and took the Lambda artifact past its 12 MiB budget ({@code LambdaArtifactIT}: 15.1
 * MB with it).
 */
public final class LambdaJobDispatch implements JobDispatch {
  /** Lambda's answer to an accepted asynchronous invocation. */
  private static final int ACCEPTED = 202;

  private static final String SERVICE = "lambda";

  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final String region;
  private final URI invocations;
  private final String function;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  /**
   * @param endpoint Lambda's endpoint in the region, {@code https://lambda.<region>.amazonaws.com}
   * @param function the function's name or ARN, with its alias
   */
  public LambdaJobDispatch(
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      String region,
      URI endpoint,
      String function) {
    this.http = http;
    this.credentials = credentials;
    this.region = region;
    this.function = function;
    String base = endpoint.toString().replaceAll("/+$", "");
    this.invocations =
        URI.create(
            base
                + "/2015-03-31/functions/"
                + URLEncoder.encode(function, StandardCharsets.UTF_8)
                + "/invocations");
  }

  /**
   * The Lambda wiring: the processing function's alias ARN from {@code PROCESSING_FUNCTION}, region
   * from {@code AWS_REGION} (its endpoint from the SDK's endpoint metadata, so other partitions
   * work), credentials from the environment Lambda sets, an endpoint override from {@code
   * LAMBDA_ENDPOINT} when set (tests).
   */
  public static LambdaJobDispatch fromEnvironment(Map<String, String> env) {
    FunctionEnvironment environment = new FunctionEnvironment(env);
    String function =
        environment.required(
            "PROCESSING_FUNCTION", "the dispatcher invokes the processing function's alias");
    String region = environment.required("AWS_REGION", null);
    String override = env.get("LAMBDA_ENDPOINT");
    URI endpoint =
        override == null || override.isBlank()
            ? URI.create("https://" + ServiceMetadata.of(SERVICE).endpointFor(Region.of(region)))
            : URI.create(override);
    return new LambdaJobDispatch(
        UrlConnectionHttpClient.create(),
        EnvironmentVariableCredentialsProvider.create(),
        region,
        endpoint,
        function);
  }

  @Override
  public void invoke(String payload) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(invocations)
            .putHeader("X-Amz-Invocation-Type", "Event")
            .putHeader("Content-Type", "application/json")
            .putHeader("Content-Length", Integer.toString(body.length))
            .build();
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    try {
      HttpExecuteResponse response =
          http.prepareRequest(
                  HttpExecuteRequest.builder()
                      .request(signed.request())
                      .contentStreamProvider(signed.payload().orElse(null))
                      .build())
              .call();
      String answer = text(response.responseBody());
      int status = response.httpResponse().statusCode();
      if (status != ACCEPTED) {
        throw new IllegalStateException(
            "Lambda answered " + status + " to the invocation of " + function + ": " + answer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not invoke " + function, e);
    }
  }

  /** Where the invocations go: the function's {@code invocations} resource. */
  URI invocations() {
    return invocations;
  }

  /** The answer's body, read to its end (so the connection can be reused). */
  private static String text(Optional<? extends InputStream> body) throws IOException {
    if (body.isEmpty()) {
      return "";
    }
    try (InputStream in = body.get()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
