package dev.jobs.cli.net;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.jobs.cli.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The jobs API over HTTPS on 127.0.0.1, served by WireMock with a certificate from a {@link
 * TestCa}, and a home whose current target {@code corp} calls it with a profile's keys. A test
 * class registers it as a static extension: it starts before the class's tests and stops after
 * them.
 */
final class HttpsApi implements BeforeAllCallback, AfterAllCallback {
  static final String JOB =
      "{\"id\":\"job-1\",\"status\":\"SUCCEEDED\",\"type\":\"sleep\",\"parameters\":{\"seconds\":5},"
          + "\"result\":{\"slept\":5},\"attempts\":1,\"startedAt\":\"2026-11-26T12:00:00Z\","
          + "\"finishedAt\":\"2026-11-26T12:00:05Z\",\"expiresAt\":1800000000}";

  private Path certificates;
  TestCa ca;
  WireMockServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
    certificates = Files.createTempDirectory("https-api");
    ca = TestCa.create(certificates);
    server =
        new WireMockServer(
            WireMockConfiguration.wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(ca.serverKeyStore().toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestCa.PASSWORD)
                .keyManagerPassword(TestCa.PASSWORD));
    server.start();
    server.stubFor(
        get("/prod/jobs/job-1")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(JOB)));
  }

  String apiUrl() {
    return "https://127.0.0.1:" + server.httpsPort() + "/prod";
  }

  /** A {@code jobs} whose current target is this API, with the keys of profile {@code dev}. */
  CliRun jobsIn(Path home) throws IOException {
    Files.createDirectories(home.resolve(".jobs"));
    Files.writeString(
        home.resolve(".jobs/config.json"),
        "{\"current\":\"corp\",\"targets\":[{\"name\":\"corp\",\"stackName\":\"jobs\","
            + "\"region\":\"us-east-1\",\"profile\":\"dev\",\"apiUrl\":\""
            + apiUrl()
            + "\"}]}");
    return new CliRun(home).devProfile();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    server.stop();
    try (Stream<Path> files = Files.walk(certificates)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
