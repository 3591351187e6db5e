package dev.jobs.backend.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** WireMock standing in for DynamoDB, which speaks JSON 1.0: the server, its answers, a client. */
public final class WireMockDynamoDb {
  /** The header that names a JSON 1.0 request's operation. */
  public static final String TARGET = "X-Amz-Target";

  public static final String JSON_1_0 = "application/x-amz-json-1.0";

  private WireMockDynamoDb() {}

  /** A started server on a free loopback port, with no answers yet; the caller stops it. */
  public static WireMockServer start() {
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    return server;
  }

  /** Answers every call of an operation ({@code GetItem}...) 200 with this body. */
  public static void answer(WireMockServer server, String operation, String body) {
    server.stubFor(
        post("/")
            .withHeader(TARGET, equalTo("DynamoDB_20120810." + operation))
            .willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", JSON_1_0).withBody(body)));
  }

  /**
   * A client of the server, as the Lambda wiring builds one (the url-connection HTTP client), with
   * test credentials; the caller may configure it further.
   */
  public static DynamoDbClientBuilder client(WireMockServer server) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(server.baseUrl()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create());
  }
}
