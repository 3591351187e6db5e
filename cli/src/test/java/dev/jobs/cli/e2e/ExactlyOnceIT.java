package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.e2e.Shell.Run;
import dev.jobs.cli.testing.SocketServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * "This job, once", as a user gets it from the built {@code jobs} in bash against a local runtime:
 * concurrent submits of one id, a submit whose answer is lost on the way back, and concurrent
 * re-drives of one job each start one run.
 */
class ExactlyOnceIT {
  @RegisterExtension final OperatorShell shell = OperatorShell.inAFreshHome();

  @Test
  void twentyConcurrentSubmitsOfOneId_allPrintTheId_andTheJobRunsOnce() throws Exception {
    shell.startLocalRuntime("--concurrency 4");

    Run submitted =
        shell.bash(
            "for i in $(seq 20); do (jobs submit --seconds 1 --id once-20; echo \"exit $?\")"
                + " > submit.$i 2>&1 & done; wait; cat submit.*");

    assertThat(submitted.exitCode()).as(submitted.err()).isZero();
    assertThat(submitted.out().lines())
        .hasSize(40)
        .containsOnly("once-20", "exit 0")
        .filteredOn("once-20"::equals)
        .hasSize(20);
    assertRanOnce("once-20");
  }

  @Test
  void submitWhoseAnswerIsLost_isRetriedWithTheSameId_andTheJobRunsOnce() throws Exception {
    shell.startLocalRuntime("--concurrency 4");
    URI api = URI.create(target().path("apiUrl").asString());
    try (AnswerLosingProxy proxy = new AnswerLosingProxy(api.getPort())) {
      Run submitted =
          shell.bash(
              "jobs submit --seconds 1 --id lost-answer --api-url http://127.0.0.1:"
                  + proxy.port()
                  + api.getPath());

      assertThat(proxy.lostAnswers.get()).as("the proxy cut one answer").isOne();
      assertThat(submitted.exitCode()).as(submitted.err()).isZero();
      assertThat(submitted.out()).isEqualTo("lost-answer\n");
      assertThat(proxy.requests.get()).as("the CLI sent the PUT again").isEqualTo(2);
    }
    assertRanOnce("lost-answer");
  }

  @Test
  void twoConcurrentRedrivesOfOneFailedJob_startOneNewAttempt() throws Exception {
    shell.startLocalRuntime("--concurrency 4");
    // Each attempt sleeps 5 s, so the second call finds the job re-driven and not ended yet.
    assertThat(
            shell
                .bash(
                    "jobs submit --type flaky --param failures=1 --param seconds=5 --id twice --wait")
                .exitCode())
        .isEqualTo(ExitCode.JOB_FAILED);

    Run redriven =
        shell.bash(
            "(jobs redrive twice; echo \"exit $?\") > a 2>&1 &"
                + " (jobs redrive twice; echo \"exit $?\") > b 2>&1 & wait; cat a b");

    assertThat(redriven.out())
        .as("one re-drives, the other finds it re-driven already")
        .containsOnlyOnce("re-driven 1: twice\n")
        .containsOnlyOnce("re-driven 0\n");
    Run waited = shell.bash("jobs wait twice --output json");
    assertThat(waited.exitCode()).as(waited.err()).isZero();
    JsonNode record = Json.mapper().readTree(waited.out());
    assertThat(record.path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(record.path("attempts").asInt()).as("one new attempt").isEqualTo(2);
  }

  /** The job succeeded after one attempt, and its log says it started once. */
  private void assertRanOnce(String id) throws Exception {
    Run waited = shell.bash("jobs wait " + id + " --output json");
    assertThat(waited.exitCode()).as(waited.err()).isZero();
    JsonNode record = Json.mapper().readTree(waited.out());
    assertThat(record.path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(record.path("attempts").asInt()).as("one run: %s", record).isOne();
    Run logs = shell.bash("jobs logs " + id);
    assertThat(logs.exitCode()).as(logs.err()).isZero();
    assertThat(logs.out().lines().filter(line -> line.contains("started: attempt")))
        .as(logs.out())
        .hasSize(1);
  }

  private JsonNode target() throws Exception {
    Run shown = shell.bash("jobs target show local --output json");
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    JsonNode target = Json.mapper().readTree(shown.out());
    assertThat(target.path("apiUrl").isString()).as(shown.out()).isTrue();
    return target;
  }

  /**
   * A proxy in front of the runtime that delivers the first {@code PUT} and its answer is lost: it
   * reads the runtime's whole answer, then closes the client's connection without a byte. Every
   * other connection it passes through as is.
   */
  static final class AnswerLosingProxy implements AutoCloseable {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger lostAnswers = new AtomicInteger();
    private final AtomicBoolean cut = new AtomicBoolean();
    private final int upstream;
    private final SocketServer server;

    AnswerLosingProxy(int upstream) throws IOException {
      this.upstream = upstream;
      this.server = SocketServer.onLoopback("answer-losing-proxy", this::serve);
    }

    int port() {
      return server.port();
    }

    private void serve(Socket client) {
      try (client;
          Socket runtime = new Socket(InetAddress.getLoopbackAddress(), upstream)) {
        byte[] request = readMessage(client.getInputStream());
        if (request.length == 0) {
          return;
        }
        forward(request, runtime);
        if (requests.get() == 1 && cut.compareAndSet(false, true)) {
          byte[] answer = readMessage(runtime.getInputStream());
          assertThat(new String(answer, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 202");
          lostAnswers.incrementAndGet();
          return;
        }
        Thread back = SocketServer.daemon("answer-losing-proxy", () -> pipe(runtime, client));
        for (byte[] next = readMessage(client.getInputStream());
            next.length > 0;
            next = readMessage(client.getInputStream())) {
          forward(next, runtime);
        }
        back.join(10_000);
      } catch (IOException | InterruptedException e) {
        // the client or the runtime closed: the connection ends here
      }
    }

    /** Sends a client's message on to the runtime, counting the {@code PUT}s. */
    private void forward(byte[] message, Socket runtime) throws IOException {
      if (new String(message, StandardCharsets.ISO_8859_1).startsWith("PUT ")) {
        requests.incrementAndGet();
      }
      runtime.getOutputStream().write(message);
      runtime.getOutputStream().flush();
    }

    private static void pipe(Socket from, Socket to) {
      try {
        from.getInputStream().transferTo(to.getOutputStream());
      } catch (IOException e) {
        // one side closed
      }
    }

    /** One HTTP/1.1 message with a Content-Length body (or none); empty at the end of stream. */
    private static byte[] readMessage(InputStream in) throws IOException {
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return message.toByteArray().length == 0 ? new byte[0] : message.toByteArray();
        }
        message.write(b);
        matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String head = message.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.startsWith("content-length:")) {
          length = Integer.parseInt(line.substring("content-length:".length()).trim());
        }
      }
      message.write(in.readNBytes(length));
      return message.toByteArray();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
