package dev.jobs.local.server;

import dev.jobs.local.auth.SignedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/** One HTTP request and its answer: the body read once, headers by lower-case name. */
public final class HttpCall {
  private static final byte[] NO_BODY = new byte[0];

  /**
   * After answering a body too large to read, the largest declared one ({@code Content-Length})
   * read and dropped: closing a connection with unread bytes resets it, and a client still sending
   * would lose the answer. A larger or chunked one is not drained, so it costs no thread beyond the
   * answer; such a client may see the connection reset instead.
   */
  private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  private final Request jetty;
  private final Response response;
  private final SignedRequest request;
  private final boolean tooLarge;
  private final String requestId = RequestIds.next();
  private boolean answered;

  private HttpCall(Request jetty, Response response, SignedRequest request, boolean tooLarge) {
    this.jetty = jetty;
    this.response = response;
    this.request = request;
    this.tooLarge = tooLarge;
  }

  /**
   * Reads the request, keeping at most {@code maxBody} bytes of its body. A body declared larger is
   * not read at all, and a chunked one is read only until it passes the limit: a client that sends
   * 10 MB costs the server no more than the limit.
   */
  static HttpCall read(Request jetty, Response response, int maxBody) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    for (HttpField field : jetty.getHeaders()) {
      headers
          .computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>(1))
          .add(field.getValue());
    }
    byte[] body;
    boolean tooLarge;
    long declared = jetty.getLength();
    if (declared > maxBody) {
      body = NO_BODY;
      tooLarge = true;
    } else {
      try (InputStream in = Request.asInputStream(jetty)) {
        body = in.readNBytes(maxBody + 1);
      }
      tooLarge = body.length > maxBody;
      if (tooLarge) {
        body = NO_BODY;
      }
    }
    return new HttpCall(
        jetty,
        response,
        new SignedRequest(
            jetty.getMethod(),
            jetty.getHttpURI().getPath(),
            jetty.getHttpURI().getQuery(),
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

  /** The body passed the limit; {@link #body()} is then empty, as none of it was kept. */
  public boolean tooLarge() {
    return tooLarge;
  }

  public String requestId() {
    return requestId;
  }

  boolean answered() {
    return answered;
  }

  public void respond(int status, String contentType, String body) throws IOException {
    respond(status, contentType, body, Map.of());
  }

  public void respond(int status, String contentType, String body, Map<String, String> headers)
      throws IOException {
    answered = true;
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put("Content-Type", contentType);
    response.getHeaders().put("x-amzn-RequestId", requestId);
    headers.forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put("Content-Length", bytes.length);
    try (Blocker.Callback written = Blocker.callback()) {
      response.write(true, ByteBuffer.wrap(bytes), written);
      written.block();
    }
    long declared = jetty.getLength();
    if (tooLarge && declared > 0 && declared <= DRAIN_LIMIT) {
      drain();
    }
  }

  /**
   * Reads and drops the rest of a declared body too large to keep (the connection's idle timeout
   * bounds a client that stalls, as for any body), so the answer reaches a client that is still
   * sending: none of it is kept, hashed or parsed.
   */
  private void drain() {
    byte[] buffer = new byte[64 * 1024];
    long dropped = 0;
    try (InputStream in = Request.asInputStream(jetty)) {
      int read;
      while (dropped <= DRAIN_LIMIT && (read = in.read(buffer)) >= 0) {
        dropped += read;
      }
    } catch (IOException e) {
      // The client has gone or broke its framing: nothing left to keep it from reading the answer.
    }
  }

  /** The request line, for the log. */
  static String describe(Request jetty) {
    return jetty.getMethod() + " " + jetty.getHttpURI().getPath();
  }
}
