package dev.jobs.local.http;

import com.sun.net.httpserver.HttpExchange;
import dev.jobs.local.auth.SignedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** One HTTP request and its answer: the body read once, headers by lower-case name. */
public final class HttpCall {
  private final HttpExchange exchange;
  private final SignedRequest request;
  private final boolean tooLarge;
  private final String requestId = UUID.randomUUID().toString();

  private HttpCall(HttpExchange exchange, SignedRequest request, boolean tooLarge) {
    this.exchange = exchange;
    this.request = request;
    this.tooLarge = tooLarge;
  }

  /** Reads the request, keeping at most {@code maxBody} bytes of its body. */
  static HttpCall read(HttpExchange exchange, int maxBody) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    byte[] body;
    boolean tooLarge;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(maxBody + 1);
      tooLarge = body.length > maxBody;
      if (tooLarge) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    return new HttpCall(
        exchange,
        new SignedRequest(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            headers,
            body),
        tooLarge);
  }

  public SignedRequest request() {
    return request;
  }

  public String method() {
    return request.method();
  }

  public String path() {
    return request.rawPath();
  }

  public String header(String name) {
    return request.header(name);
  }

  public byte[] body() {
    return request.body();
  }

  public boolean tooLarge() {
    return tooLarge;
  }

  public String requestId() {
    return requestId;
  }

  public void respond(int status, String contentType, String body) throws IOException {
    respond(status, contentType, body, Map.of());
  }

  public void respond(int status, String contentType, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
