package dev.jobs.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.local.RuntimeFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** The {@code local} commands answer one JSON document with --output json, one value with -q. */
class LocalOutputTest {
  @TempDir Path home;
  Path dir;
  CliRun jobs;

  /** A {@code jobs} whose local runtime would keep its data in {@code home/local}. */
  @BeforeEach
  void aLocalDataDir() {
    dir = home.resolve("local");
    jobs = new CliRun(home).env("JOBS_LOCAL_DIR", dir.toString());
  }

  private Map<String, JsonNode> json(CliRun.Result result) {
    return Json.parse(result.out()).asObject();
  }

  @Test
  void status_notRunning_json_andQuiet() {

    CliRun.Result json = jobs.run("local", "status", "--output", "json");
    CliRun.Result quiet = jobs.run("local", "status", "-q");

    assertThat(json.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(json(json).get("running").asBoolean()).isFalse();
    assertThat(json(json).get("dataDir").asString()).isEqualTo(dir.toString());
    assertThat(quiet.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(quiet.out()).isEmpty();
  }

  @Test
  void status_running_json_namesEndpointPidAndDataDir_quietTheEndpoint() throws Exception {
    // Anything that answers a request with a 4xx passes for a runtime that serves.
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(403, -1);
          exchange.close();
        });
    server.start();
    try {
      String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
      long pid = ProcessHandle.current().pid();
      new RuntimeFile(endpoint, "us-east-1", "test", "test", pid, "jobs-local").write(dir);

      CliRun.Result json = jobs.run("local", "status", "--output", "json");
      CliRun.Result quiet = jobs.run("local", "status", "-q");

      assertThat(json.exitCode()).as(json.err()).isZero();
      assertThat(json(json).get("running").asBoolean()).isTrue();
      assertThat(json(json).get("endpoint").asString()).isEqualTo(endpoint);
      assertThat(json(json).get("pid").asNumber()).isEqualTo(Long.toString(pid));
      assertThat(json(json).get("dataDir").asString()).isEqualTo(dir.toString());
      assertThat(quiet.out()).isEqualTo(endpoint + "\n");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void stop_notRunning_json_andQuiet() {

    CliRun.Result json = jobs.run("local", "stop", "--output", "json");
    CliRun.Result quiet = jobs.run("local", "stop", "-q");

    assertThat(json.exitCode()).isZero();
    assertThat(json(json).get("stopped").asBoolean()).isFalse();
    assertThat(json(json).get("dataDir").asString()).isEqualTo(dir.toString());
    assertThat(quiet.out()).isEmpty();
  }
}
