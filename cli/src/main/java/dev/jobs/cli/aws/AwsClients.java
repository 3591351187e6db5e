package dev.jobs.cli.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the AWS clients of one command, each on demand: a {@code jobs get} with cached credentials
 * builds none, which is most of its start-up time saved.
 */
public final class AwsClients {
  private static SdkHttpClient http;

  private final Region region;
  private final URI endpoint;
  private final WireLog wireLog;

  public AwsClients(Region region, URI endpoint, WireLog wireLog) {
    this.region = region;
    this.endpoint = endpoint;
    this.wireLog = wireLog;
  }

  /**
   * The one HTTP client of the process. The url-connection client loads fewer classes than the
   * Apache one and holds no threads, which matters for a process that lives a second.
   */
  public static synchronized SdkHttpClient http() {
    if (http == null) {
      http = UrlConnectionHttpClient.builder().build();
    }
    return http;
  }

  public Region region() {
    return region;
  }

  public URI endpoint() {
    return endpoint;
  }

  public StsClient sts(AwsCredentialsProvider credentials) {
    return configure(StsClient.builder(), credentials);
  }

  public CloudFormationClient cloudFormation(AwsCredentialsProvider credentials) {
    return configure(CloudFormationClient.builder(), credentials);
  }

  public EventBridgeClient eventBridge(AwsCredentialsProvider credentials) {
    return configure(EventBridgeClient.builder(), credentials);
  }

  private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configure(
      B builder, AwsCredentialsProvider credentials) {
    builder.region(region).credentialsProvider(credentials).httpClient(http());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    if (wireLog != null) {
      builder.overrideConfiguration(o -> o.addExecutionInterceptor(wireLog));
    }
    return builder.build();
  }
}
