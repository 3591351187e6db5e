package dev.jobs.local.server;

import dev.jobs.local.log.RuntimeLog;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The runtime's one port on 127.0.0.1, with its limits: threads, header size, idle time, and the
 * body each request may send ({@link HttpService#maxBody}). What it serves, and how a request finds
 * its service, is the {@link HttpService}'s business.
 *
 * <p>Jetty's core serves it, not the JDK's server: that one reads request headers on its handler
 * threads with no time limit, so 70 clients dripping a byte a second held all of them, and it
 * resets a connection where HTTP wants 400 or 431. Jetty parses headers on its selector and hands a
 * thread only a complete request.
 */
public final class LocalServer implements AutoCloseable {
  /** Handler threads wait on the group commit; enough of them keep the writer's batches full. */
  private static final int THREADS = 64;

  /** Jetty's acceptor, selector and reserved threads come from the same pool. */
  private static final int JETTY_THREADS = 8;

  /** API Gateway's quota for the request line and headers together (10,240 bytes). */
  private static final int MAX_HEADER_BYTES = 10_240;

  /** A connection that sends nothing for this long is closed. */
  private static final long IDLE_MILLIS = 30_000;

  private final Server server;
  private final ServerConnector connector;
  private final GracefulHandler inFlight;
  private volatile HttpService service;

  private LocalServer(int port) throws IOException {
    QueuedThreadPool threads = new QueuedThreadPool(THREADS + JETTY_THREADS, JETTY_THREADS);
    threads.setName("http");
    threads.setDaemon(true);
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setSendServerVersion(false);
    // A header's value reaches the signature check as the client sent it: Jetty's field cache would
    // hand back its own spelling of a well-known value ("application/json" for "Application/JSON").
    http.setHeaderCacheCaseSensitive(true);
    // Nor does a connection keep a cache of its clients' fields: filling it took 5% of a loaded
    // runtime's CPU samples, more than the Strings it saved, and with it the parser's field loop
    // was compiled twice by C2 in a fresh runtime's first seconds (1.6 s of CPU; once, 0.5 s,
    // without it).
    http.setHeaderCacheSize(0);
    http.setSendXPoweredBy(false);
    // Paths are never mapped to files here; API Gateway hands an encoded '/' or '..' on as sent.
    http.setUriCompliance(UriCompliance.UNSAFE);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    connector.setPort(port);
    connector.setAcceptQueueSize(1024);
    connector.setIdleTimeout(IDLE_MILLIS);
    server.addConnector(connector);
    this.inFlight =
        new GracefulHandler(
            new Handler.Abstract() {
              @Override
              public boolean handle(Request request, Response response, Callback callback) {
                dispatch(request, response, callback);
                return true;
              }
            });
    server.setHandler(inFlight);
    connector.open(); // bound now, so that the port is known before anything is served
  }

  /** Binds 127.0.0.1:{@code port} (0 for any free port); nothing is served yet. */
  public static LocalServer bind(int port) throws IOException {
    return new LocalServer(port);
  }

  /** Starts serving. */
  public void serve(HttpService service) {
    this.service = service;
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start serving: " + e.getMessage(), e);
    }
  }

  public int port() {
    return connector.getLocalPort();
  }

  private void dispatch(Request request, Response response, Callback callback) {
    HttpCall call;
    try {
      call = HttpCall.read(request, response, service.maxBody(request.getHttpURI().getPath()));
    } catch (IOException | RuntimeException e) {
      // Broken framing (such as a bad chunk) or a client gone: Jetty answers 400 where it can.
      callback.failed(e);
      return;
    }
    try {
      service.handle(call);
      callback.succeeded();
    } catch (RuntimeException | IOException e) {
      RuntimeLog.error(HttpCall.describe(request) + " failed", e);
      internalError(response, callback, call.answered(), e);
    }
  }

  /** AWS's answer to a failure of its own: one line, the details left in the log. */
  private static void internalError(
      Response response, Callback callback, boolean answered, Throwable cause) {
    if (answered || response.isCommitted()) {
      callback.failed(cause); // the answer was already under way; the client sees it broken
      return;
    }
    byte[] body = "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.UTF_8);
    response.setStatus(500);
    response.getHeaders().put("Content-Type", "application/json");
    response.getHeaders().put("Content-Length", body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Stops accepting connections; lets answers under way finish for up to a second. */
  @Override
  public void close() {
    // Jetty's own graceful stop also waits for idle keep-alive connections: only the requests
    // under way are waited for here, then every connection is closed.
    connector.shutdown(); // no new connections
    try {
      inFlight.shutdown().get(1, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // still answering after a second: cut off, as before
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.setStopTimeout(0);
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop serving: " + e.getMessage(), e);
    }
  }
}
