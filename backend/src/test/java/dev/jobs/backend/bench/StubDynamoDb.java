package dev.jobs.backend.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.jobs.backend.testing.WireMockDynamoDb;

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
    WireMockServer server = WireMockDynamoDb.start();
    WireMockDynamoDb.answer(server, "GetItem", "{}");
    WireMockDynamoDb.answer(server, "UpdateItem", RUNNING);
    WireMockDynamoDb.answer(server, "Query", "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}");
    return server;
  }
}
