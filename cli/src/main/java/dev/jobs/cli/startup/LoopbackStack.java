package dev.jobs.cli.startup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jobs.local.RuntimeFile;
import dev.jobs.local.stack.LocalStack;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A loopback stand-in for a stack, for start-up work only: it answers STS ({@code AssumeRole},
 * {@code GetCallerIdentity}), CloudFormation {@code DescribeStacks}, CloudWatch Logs {@code
 * FilterLogEvents} and the jobs API (a job, a page of the list, the stats) with fixed answers and
 * checks no signature. The build trains the class-data archive against it, and the benchmark times
 * {@code jobs get} and the AWS CLI against it when no local runtime runs. It is not the local
 * runtime.
 */
public final class LoopbackStack implements AutoCloseable {
  public static final String STACK = LocalStack.DEFAULT_STACK_NAME;
  public static final String ROLE = "arn:aws:iam::000000000000:role/JobsAPIInvokeRole";

  private final HttpServer server;

  private LoopbackStack(HttpServer server) {
    this.server = server;
  }

  public static LoopbackStack start() throws IOException {
    // Without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to an exchange: that would be timed.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LoopbackStack stack = new LoopbackStack(server);
    server.createContext("/", stack::handle);
    server.start();
    return stack;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Writes a {@code runtime.json} as the local runtime would, naming this process. */
  public void writeRuntimeFile(Path dir) {
    RuntimeFile.standIn(endpoint()).write(dir);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] request = exchange.getRequestBody().readAllBytes();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (target != null && target.endsWith(".FilterLogEvents")) {
        reply(exchange, 200, "application/x-amz-json-1.1", logEvents());
      } else if (path.equals("/prod/jobs/stats")) {
        reply(exchange, 200, "application/json", stats());
      } else if (path.equals("/prod/jobs")) {
        reply(exchange, 200, "application/json", page());
      } else if (path.startsWith("/prod/jobs/") && exchange.getRequestMethod().equals("PUT")) {
        String id = path.substring("/prod/jobs/".length());
        reply(exchange, 202, "application/json", "{\"id\":\"" + id + "\"}");
      } else if (path.startsWith("/prod/jobs/")) {
        String id = path.substring("/prod/jobs/".length());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        reply(
            exchange,
            200,
            "application/json",
            "{\"id\":\""
                + id
                + "\",\"status\":\"SUCCEEDED\",\"type\":\"sleep\",\"parameters\":{\"seconds\":1},"
                + "\"result\":{\"slept\":1},\"attempts\":1,\"startedAt\":\""
                + now.minusSeconds(1)
                + "\",\"finishedAt\":\""
                + now
                + "\",\"expiresAt\":"
                + now.plus(7, ChronoUnit.DAYS).getEpochSecond()
                + "}");
      } else {
        String form =
            URLDecoder.decode(new String(request, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        if (form.contains("Action=AssumeRole")) {
          reply(exchange, 200, "text/xml", assumeRole());
        } else if (form.contains("Action=GetCallerIdentity")) {
          reply(exchange, 200, "text/xml", callerIdentity());
        } else if (form.contains("Action=DescribeStacks")) {
          reply(exchange, 200, "text/xml", describeStacks());
        } else {
          reply(exchange, 404, "application/json", "{\"message\":\"Not found\"}");
        }
      }
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** {@code GET /jobs/stats}: every part of the answer present, so that reading it loads all. */
  private static String stats() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return "{\"total\":6,\"counts\":{\"QUEUED\":1,\"RUNNING\":1,\"SUCCEEDED\":3,"
        + "\"FAILED\":1,\"CANCELLED\":0},\"runTime\":{\"jobs\":4,\"p50Millis\":1031,"
        + "\"p90Millis\":2047,\"p95Millis\":2047,\"p99Millis\":2047,\"maxMillis\":2047},"
        + "\"failures\":[{\"type\":\"java.lang.IllegalStateException\",\"condition\":\"BAD\","
        + "\"count\":1}],\"stalled\":0,\"oldestRunning\":"
        + job("training-running", "RUNNING", now.minusSeconds(5), null)
        + "}";
  }

  /** {@code GET /jobs}: one page of each status's shape, and a next page. */
  private static String page() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return "{\"jobs\":["
        + job("training-1", "SUCCEEDED", now.minusSeconds(1), now)
        + ","
        + job("training-2", "RUNNING", now.minusSeconds(2), null)
        + "],\"next\":\"bmV4dA\"}";
  }

  private static String job(String id, String status, Instant startedAt, Instant finishedAt) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\""
        + status
        + "\",\"type\":\"sleep\",\"parameters\":{\"seconds\":1},\"attempts\":1,"
        + "\"startedAt\":\""
        + startedAt
        + "\""
        + (finishedAt == null ? "" : ",\"finishedAt\":\"" + finishedAt + "\"")
        + ",\"heartbeatAt\":\""
        + startedAt
        + "\",\"timeoutSeconds\":900}";
  }

  /**
   * CloudWatch Logs {@code FilterLogEvents}: two lines of any job, as the processing function
   * writes them (the CLI keeps those whose {@code jobId} is the job's: none of another's).
   */
  private static String logEvents() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return "{\"events\":["
        + logEvent(1, now.minusSeconds(1), "started")
        + ","
        + logEvent(2, now, "succeeded")
        + "],\"searchedLogStreams\":[]}";
  }

  private static String logEvent(int n, Instant at, String message) {
    String line =
        "{\\\"timestamp\\\":\\\""
            + at
            + "\\\",\\\"level\\\":\\\"INFO\\\",\\\"message\\\":\\\""
            + message
            + "\\\",\\\"jobId\\\":\\\"training-1\\\",\\\"attempt\\\":1}";
    return "{\"logStreamName\":\"loopback\",\"timestamp\":"
        + at.toEpochMilli()
        + ",\"message\":\""
        + line
        + "\",\"ingestionTime\":"
        + at.toEpochMilli()
        + ",\"eventId\":\""
        + n
        + "\"}";
  }

  private static String assumeRole() {
    return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
        + "<Credentials><AccessKeyId>ASIALOOPBACK</AccessKeyId><SecretAccessKey>loopback-secret"
        + "</SecretAccessKey><SessionToken>loopback-token</SessionToken><Expiration>"
        + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
        + "</Expiration></Credentials><AssumedRoleUser><Arn>"
        + ROLE
        + "/jobs</Arn><AssumedRoleId>AROALOOPBACK:jobs</AssumedRoleId></AssumedRoleUser>"
        + "</AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
        + "</AssumeRoleResponse>";
  }

  private static String callerIdentity() {
    return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
        + "<GetCallerIdentityResult><Arn>arn:aws:iam::000000000000:user/test</Arn>"
        + "<UserId>AIDALOOPBACK</UserId><Account>000000000000</Account></GetCallerIdentityResult>"
        + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
        + "</GetCallerIdentityResponse>";
  }

  private String describeStacks() {
    return "<DescribeStacksResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
        + "<DescribeStacksResult><Stacks><member><StackName>"
        + STACK
        + "</StackName><StackId>arn:aws:cloudformation:us-east-1:000000000000:stack/"
        + STACK
        + "/1</StackId><CreationTime>2026-01-01T00:00:00Z</CreationTime>"
        + "<StackStatus>CREATE_COMPLETE</StackStatus><Outputs>"
        + outputs()
        + "</Outputs></member></Stacks></DescribeStacksResult>"
        + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeStacksResponse>";
  }

  /** The local runtime's outputs: the keys and values it answers with, so none are kept here. */
  private String outputs() {
    LocalStack names = new LocalStack(STACK, "us-east-1", endpoint());
    StringBuilder outputs = new StringBuilder();
    names
        .outputs("arn:aws:events:us-east-1:000000000000:event-bus/" + names.busName())
        .forEach((key, value) -> outputs.append(output(key, value)));
    return outputs.toString();
  }

  /**
   * One stack output as CloudFormation's {@code DescribeStacks} writes it (tests' stand-ins too).
   */
  public static String output(String key, String value) {
    return "<member><OutputKey>"
        + key
        + "</OutputKey><OutputValue>"
        + value
        + "</OutputValue></member>";
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Serves until killed, with a {@code runtime.json} in the directory given as argument. */
  public static void main(String... args) throws IOException, InterruptedException {
    LoopbackStack stack = start();
    stack.writeRuntimeFile(Path.of(args[0]));
    System.out.println(stack.endpoint());
    Thread.currentThread().join();
  }
}
