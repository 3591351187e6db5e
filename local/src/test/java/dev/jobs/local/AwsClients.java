package dev.jobs.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Real AWS SDK clients pointed at a local runtime with the operator's key pair. */
final class AwsClients {
  private AwsClients() {}

  static EventBridgeClient eventBridge(LocalRuntime runtime) {
    return client(EventBridgeClient.builder(), runtime.endpoint(), "test", "test");
  }

  static CloudWatchLogsClient cloudWatchLogs(LocalRuntime runtime) {
    return client(CloudWatchLogsClient.builder(), runtime.endpoint(), "test", "test");
  }

  static CloudFormationClient cloudFormation(LocalRuntime runtime) {
    return client(CloudFormationClient.builder(), runtime.endpoint(), "test", "test");
  }

  /** Any service's client, pointed at {@code endpoint} in us-east-1, signing with this key pair. */
  static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
      B builder, String endpoint, String keyId, String secret) {
    return builder
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
        .build();
  }
}
