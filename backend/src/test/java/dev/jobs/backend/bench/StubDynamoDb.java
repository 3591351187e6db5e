package dev.jobs.backend.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * WireMock answering DynamoDB's JSON 1.0 protocol at once with a canned success per operation: no
 * item for {@code GetItem}, a {@code RUNNING} job for {@code UpdateItem}, no items for {@code
 * Query}. A peer for a fresh JVM's real HTTP path without a server's own time.
 */
public final class StubDynamoDb {
  private static final String RUNNING =
      "{\"Attributes\":{\"id\":{\"S\":\"stub\"},\"status\":{\"S\":\"RUNNING\"},"
          + "\"type\":{\"S\":\"sleep\"},\"parameters\":{\"S\":\"{\\\"type\\\":\\\"sleep\\\","
          + "\\\"seconds\\\":1}\"},\"attempts\":{\"N\":\"1\"},"
          + "\"startedAt\":{\"S\":\"2026-01-01T00:00:00Z\"},\"expiresAt\":{\"N\":\"1800000000\"}}}";

  private StubDynamoDb() {}

  /** A started server on a free loopback port; the caller stops it. */
  public static WireMockServer start() {
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    answer(server, "GetItem", "{}");
    answer(server, "UpdateItem", RUNNING);
    answer(server, "Query", "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}");
    return server;
  }

  private static void answer(WireMockServer server, String operation, String body) {
    server.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("DynamoDB_20120810." + operation))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withBody(body)));
  }
}
