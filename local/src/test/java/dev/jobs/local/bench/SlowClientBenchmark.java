package dev.jobs.local.bench;

import dev.jobs.local.ApiClient;
import dev.jobs.local.ApiClient.Response;
import dev.jobs.local.LocalRuntime;
import dev.jobs.local.RuntimeOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long a signed request waits while slow clients hold connections open: the runtime's start (to
 * its first answer), then {@code clients} connections that each drip one byte of a request header a
 * second, then signed {@code POST /prod/jobs} requests timed one after another (issue 14: under 2 s
 * with 200 such clients).
 *
 * <pre>
 * mvn -B -q -o -pl local -am package -DskipTests dependency:build-classpath \
 *   -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp "local/target/test-classes:local/target/classes:$(cat local/target/test.classpath)" \
 *   dev.jobs.local.bench.SlowClientBenchmark 200 5   # [slow clients] [signed requests]
 * </pre>
 */
public final class SlowClientBenchmark {
  private static final Duration GIVE_UP = Duration.ofSeconds(30);

  private SlowClientBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path directory = Files.createTempDirectory("slow-bench-");
    long started = System.nanoTime();
    LocalRuntime runtime = LocalRuntime.start(RuntimeOptions.defaults(directory, 0));
    ApiClient api = ApiClient.forRole(runtime);
    System.out.printf(
        Locale.ROOT, "start to first answer (AssumeRole): %d ms%n", millisSince(started));
    api.submit("{\"type\":\"noop\"}"); // warm-up
    List<Socket> slow = new ArrayList<>();
    ExecutorService drip = Executors.newSingleThreadExecutor();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      URI endpoint = URI.create(runtime.endpoint());
      for (int i = 0; i < clients; i++) {
        slow.add(new Socket(InetAddress.getLoopbackAddress(), endpoint.getPort()));
      }
      byte[] header =
          ("POST /prod/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200))
              .getBytes(StandardCharsets.US_ASCII);
      drip.submit(() -> dripEverySecond(slow, header));
      Thread.sleep(3000); // every connection has sent a few bytes and is waiting
      for (int i = 0; i < requests; i++) {
        long sent = System.nanoTime();
        Future<Response> answer = caller.submit(() -> api.submit("{\"type\":\"noop\"}"));
        try {
          Response response = answer.get(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
          System.out.printf(
              Locale.ROOT,
              "signed POST with %d slow clients: %d ms (status %d)%n",
              clients,
              millisSince(sent),
              response.status());
        } catch (TimeoutException e) {
          System.out.printf(
              Locale.ROOT,
              "signed POST with %d slow clients: no answer within %d s%n",
              clients,
              GIVE_UP.toSeconds());
          break;
        }
      }
    } finally {
      drip.shutdownNow();
      caller.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
      runtime.stop(Duration.ZERO);
    }
    System.exit(0); // a request stuck in a dead server must not keep the JVM up
  }

  private static void dripEverySecond(List<Socket> sockets, byte[] header) {
    try {
      for (int i = 0; i < header.length; i++) {
        for (Socket socket : sockets) {
          try {
            OutputStream out = socket.getOutputStream();
            out.write(header[i]);
            out.flush();
          } catch (IOException e) {
            // the server closed it: that connection no longer holds anything
          }
        }
        Thread.sleep(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
