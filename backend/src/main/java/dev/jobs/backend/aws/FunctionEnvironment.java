package dev.jobs.backend.aws;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The environment Lambda gives a function, as its SDK clients read it: the one place that wires a
 * backend client, so that the store and the failed-jobs bus cannot drift apart.
 */
public final class FunctionEnvironment {
  private final Map<String, String> env;

  public FunctionEnvironment(Map<String, String> env) {
    this.env = env;
  }

  /**
   * A variable the function cannot run without.
   *
   * @param purpose why the function needs it, for the message; null to say nothing more
   * @throws IllegalStateException when it is not set or blank
   */
  public String required(String name, String purpose) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name + " is not set" + (purpose == null ? "" : ": " + purpose));
    }
    return value;
  }

  /**
   * A client in the region of {@code AWS_REGION}, with these credentials, the url-connection HTTP
   * client (the lightest cold start), and an endpoint override from the variable {@code
   * endpointVariable} when it is set (tests and benchmarks).
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
      B builder, AwsCredentialsProvider credentials, String endpointVariable) {
    builder
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(required("AWS_REGION", null)))
        .credentialsProvider(credentials);
    String endpoint = env.get(endpointVariable);
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder.build();
  }
}
