package dev.jobs.cli.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the AWS clients of one command, each on demand: a {@code jobs get} with cached credentials
 * builds none, which is most of its start-up time saved.
 */
public final class AwsClients {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int READ_TIMEOUT_MILLIS = 60_000;
  private static SdkHttpClient http;

  private final Region region;
  private final Function<String, URI> endpoints;
  private final WireLog wireLog;

  /** Clients that all call one endpoint, or AWS's own when it is null. */
  public AwsClients(Region region, URI endpoint, WireLog wireLog) {
    this(region, service -> endpoint, wireLog);
  }

  /**
   * Clients whose endpoints may differ by service ({@code AWS_ENDPOINT_URL_STS}, a profile's {@code
   * services} section).
   *
   * @param endpoints the endpoint of an SDK service id such as {@code STS}, or null for AWS's own
   */
  public AwsClients(Region region, Function<String, URI> endpoints, WireLog wireLog) {
    this.region = region;
    this.endpoints = endpoints;
    this.wireLog = wireLog;
  }

  /**
   * The one HTTP client of the process. The url-connection client loads fewer classes than the
   * Apache one and holds no threads, which matters for a process that lives a second.
   */
  public static synchronized SdkHttpClient http() {
    if (http == null) {
      // Through a connection factory the client builds no SSL context up front: the local runtime
      // speaks plain HTTP, and loading the trust store would cost a {@code jobs get} ~70 ms.
      http =
          UrlConnectionHttpClient.create(
              uri -> {
                try {
                  HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                  connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
                  connection.setReadTimeout(READ_TIMEOUT_MILLIS);
                  return connection;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return http;
  }

  public Region region() {
    return region;
  }

  public StsClient sts(AwsCredentialsProvider credentials) {
    return configure(StsClient.builder(), "STS", credentials);
  }

  public CloudFormationClient cloudFormation(AwsCredentialsProvider credentials) {
    return configure(CloudFormationClient.builder(), "CloudFormation", credentials);
  }

  public EventBridgeClient eventBridge(AwsCredentialsProvider credentials) {
    return configure(EventBridgeClient.builder(), "EventBridge", credentials);
  }

  /** Lambda, for the account's concurrency limit before a deploy asks for a reservation. */
  public LambdaClient lambda(AwsCredentialsProvider credentials) {
    return configure(LambdaClient.builder(), "Lambda", credentials);
  }

  /**
   * S3, for the deploy's asset bucket. Path-style addressing under an endpoint override (a local S3
   * has no per-bucket host names); checksums only where S3 requires them, so that uploads are plain
   * bodies that any S3 endpoint takes.
   */
  public S3Client s3(AwsCredentialsProvider credentials) {
    S3ClientBuilder builder =
        S3Client.builder()
            .forcePathStyle(endpoints.apply("S3") != null)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
    return configure(builder, "S3", credentials);
  }

  private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configure(
      B builder, String service, AwsCredentialsProvider credentials) {
    builder.region(region).credentialsProvider(credentials).httpClient(http());
    URI endpoint = endpoints.apply(service);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    if (wireLog != null) {
      builder.overrideConfiguration(o -> o.addExecutionInterceptor(wireLog));
    }
    return builder.build();
  }
}
