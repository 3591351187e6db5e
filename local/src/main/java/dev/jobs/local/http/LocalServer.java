package dev.jobs.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.store.JobStore;
import dev.jobs.local.LocalStack;
import dev.jobs.local.RuntimeLog;
import dev.jobs.local.auth.SignatureVerifier;
import dev.jobs.local.events.EventBus;
import dev.jobs.local.events.ReplayRunner;
import dev.jobs.local.lambda.LocalFunction;
import dev.jobs.local.store.ArchiveStore;
import dev.jobs.local.store.CredentialStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runtime's one port on 127.0.0.1: the jobs API under {@code /prod}, and the AWS APIs at {@code
 * /}, told apart as AWS endpoints would be: EventBridge by its {@code X-Amz-Target}, STS and
 * CloudFormation (both query protocol) by the service their signature is scoped to.
 */
public final class LocalServer implements AutoCloseable {
  /** Handler threads wait on the group commit; enough of them keep the writer's batches full. */
  private static final int THREADS = 64;

  private final HttpServer server;
  private final ExecutorService executor;
  private volatile ApiGatewayStage jobs;
  private volatile AwsService sts;
  private volatile AwsService cloudFormation;
  private volatile AwsService eventBridge;

  private LocalServer(int port) throws IOException {
    // Without TCP_NODELAY, small answers wait for the client's delayed ACK (tens of ms each).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    AtomicInteger count = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread thread = new Thread(r, "http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
  }

  /** What the APIs serve. */
  public record Parts(
      SignatureVerifier verifier,
      LocalStack stack,
      CredentialStore credentials,
      LocalFunction processing,
      JobStore store,
      EventBus bus,
      ArchiveStore archive,
      ReplayRunner replays,
      Instant created,
      Clock clock,
      List<String> jobTypes) {}

  /** Binds 127.0.0.1:{@code port} (0 for any free port); nothing is served yet. */
  public static LocalServer bind(int port) throws IOException {
    return new LocalServer(port);
  }

  /** Starts serving. */
  public void serve(Parts parts) {
    LocalStack stack = parts.stack();
    jobs =
        new ApiGatewayStage(
            parts.verifier(),
            stack,
            RequestValidator.load(parts.jobTypes()),
            parts.processing(),
            parts.store(),
            parts.clock());
    sts = new StsApi(parts.verifier(), parts.credentials(), stack, parts.clock());
    cloudFormation =
        new CloudFormationApi(
            parts.verifier(), stack, stack.outputs(parts.bus().arn()), parts.created());
    eventBridge =
        new EventBridgeApi(
            parts.verifier(),
            parts.bus(),
            parts.archive(),
            parts.replays(),
            parts.created(),
            stack.region());
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try {
      HttpCall call = HttpCall.read(exchange, ApiGatewayStage.maxBody());
      String target = call.header("x-amz-target");
      if (ApiGatewayStage.serves(call.path())) {
        jobs.handle(call);
      } else if (target != null && target.startsWith("AWSEvents.")) {
        eventBridge.handle(call);
      } else if (call.method().equals("POST") && call.path().equals("/")) {
        String scope = signedService(call.header("authorization"));
        if ("cloudformation".equals(scope)) {
          cloudFormation.handle(call);
        } else {
          sts.handle(call);
        }
      } else if (target != null) {
        call.respond(
            400,
            "application/x-amz-json-1.1",
            "{\"__type\":\"UnknownOperationException\"}",
            java.util.Map.of("x-amzn-ErrorType", "UnknownOperationException"));
      } else {
        call.respond(
            403,
            "application/json",
            JobJson.MAPPER.writeValueAsString(
                JobJson.MAPPER.createObjectNode().put("message", "Missing Authentication Token")));
      }
    } catch (RuntimeException | IOException e) {
      RuntimeLog.error(
          exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " failed", e);
      internalError(exchange);
    } finally {
      exchange.close();
    }
  }

  /** AWS's answer to a failure of its own: one line, the details left in the log. */
  private static void internalError(HttpExchange exchange) {
    byte[] body = "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.UTF_8);
    try {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(500, body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException | RuntimeException ignored) {
      // The answer was already under way; the client sees a broken response.
    }
  }

  /** The service a SigV4 credential scope names: {@code KEY/DATE/REGION/SERVICE/aws4_request}. */
  private static String signedService(String authorization) {
    if (authorization == null) {
      return null;
    }
    int credential = authorization.indexOf("Credential=");
    if (credential < 0) {
      return null;
    }
    String[] scope = authorization.substring(credential + 11).split("[,\\s]")[0].split("/");
    return scope.length == 5 ? scope[3] : null;
  }

  /** Stops accepting connections; lets answers under way finish for up to a second. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
  }
}
