package dev.jobs.backend.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client that answers every DynamoDB call at once with a canned success, so that the
 * benchmark can time the SDK's own work per event (marshalling, signing, retries bookkeeping,
 * unmarshalling) without a server's latency.
 */
final class CannedDynamoDb implements SdkHttpClient {
  private static final byte[] RUNNING =
      ("{\"Attributes\":{\"id\":{\"S\":\"canned\"},\"status\":{\"S\":\"RUNNING\"},"
              + "\"type\":{\"S\":\"noop\"},\"parameters\":{\"S\":\"{\\\"type\\\":\\\"noop\\\"}\"},"
              + "\"attempts\":{\"N\":\"1\"},\"startedAt\":{\"S\":\"2026-01-01T00:00:00Z\"},"
              + "\"expiresAt\":{\"N\":\"1800000000\"}}}")
          .getBytes(StandardCharsets.UTF_8);

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        // Read the request as a real client would send it.
        request
            .contentStreamProvider()
            .ifPresent(
                provider -> {
                  try (InputStream body = provider.newStream()) {
                    body.readAllBytes();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        return HttpExecuteResponse.builder()
            .response(
                SdkHttpResponse.builder()
                    .statusCode(200)
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("Content-Length", Integer.toString(RUNNING.length))
                    .build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(RUNNING)))
            .build();
      }

      @Override
      public void abort() {}
    };
  }

  @Override
  public void close() {}
}
