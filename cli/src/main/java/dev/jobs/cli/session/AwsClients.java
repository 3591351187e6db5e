package dev.jobs.cli.session;

import dev.jobs.cli.aws.WireLog;
import dev.jobs.cli.net.Network;
import java.net.URI;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
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
  private final Region region;
  private final Function<String, URI> endpoints;
  private final WireLog wireLog;
  private final SdkHttpClient http;

  /**
   * Clients that all call one endpoint, or AWS's own when it is null, through a pooled client with
   * the default timeouts and no proxy: for tests and tools that are no command.
   */
  public AwsClients(Region region, URI endpoint, WireLog wireLog) {
    this(
        region,
        service -> endpoint,
        wireLog,
        HttpClients.create(Network.defaults(), HttpClients.Workload.LONG_RUNNING));
  }

  /**
   * Clients whose endpoints may differ by service ({@code AWS_ENDPOINT_URL_STS}, a profile's {@code
   * services} section).
   *
   * @param endpoints the endpoint of an SDK service id such as {@code STS}, or null for AWS's own
   * @param http the command's HTTP client (see {@link HttpClients}), shared by all its clients
   */
  public AwsClients(
      Region region, Function<String, URI> endpoints, WireLog wireLog, SdkHttpClient http) {
    this.region = region;
    this.endpoints = endpoints;
    this.wireLog = wireLog;
    this.http = http;
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

  /** CloudWatch, for the stack's alarms. */
  public CloudWatchClient cloudWatch(AwsCredentialsProvider credentials) {
    return configure(CloudWatchClient.builder(), "CloudWatch", credentials);
  }

  /** CloudWatch Logs, for a job's log lines. */
  public CloudWatchLogsClient logs(AwsCredentialsProvider credentials) {
    return configure(CloudWatchLogsClient.builder(), "CloudWatch Logs", credentials);
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
    builder.region(region).credentialsProvider(credentials).httpClient(http);
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
