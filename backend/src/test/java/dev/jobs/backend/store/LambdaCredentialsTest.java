package dev.jobs.backend.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * A SnapStart function has no access-key variables: Lambda gives it a container credentials
 * endpoint instead, which the store's credentials must reach.
 */
class LambdaCredentialsTest {
  private static final String FULL_URI = "aws.containerCredentialsFullUri";

  private WireMockServer endpoint;

  @BeforeEach
  void startEndpoint() {
    endpoint = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    endpoint.start();
    endpoint.stubFor(
        get("/credentials")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"AccessKeyId\":\"ASIACONTAINER\",\"SecretAccessKey\":\"secret\","
                            + "\"Token\":\"token\",\"Expiration\":\"2099-01-01T00:00:00Z\"}")));
  }

  @AfterEach
  void stopEndpoint() {
    System.clearProperty(FULL_URI);
    endpoint.stop();
  }

  @Test
  void withoutAccessKeyVariables_theContainerEndpointGivesTheCredentials() {
    assumeTrue(
        System.getenv("AWS_ACCESS_KEY_ID") == null,
        "the access-key variables are set in this environment: they would come first");
    // The SDK reads its settings from system properties before the environment.
    System.setProperty(FULL_URI, endpoint.baseUrl() + "/credentials");

    AwsCredentials credentials = DynamoDbJobStore.lambdaCredentials().resolveCredentials();

    assertThat(credentials.accessKeyId()).isEqualTo("ASIACONTAINER");
  }
}
