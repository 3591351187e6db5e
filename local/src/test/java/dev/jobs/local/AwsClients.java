package dev.jobs.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Real AWS SDK clients pointed at a local runtime with the operator's key pair. */
final class AwsClients {
  private AwsClients() {}

  static EventBridgeClient eventBridge(LocalRuntime runtime) {
    return EventBridgeClient.builder()
        .endpointOverride(URI.create(runtime.endpoint()))
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(operator())
        .build();
  }

  static CloudFormationClient cloudFormation(LocalRuntime runtime) {
    return CloudFormationClient.builder()
        .endpointOverride(URI.create(runtime.endpoint()))
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(operator())
        .build();
  }

  static StaticCredentialsProvider operator() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
  }
}
