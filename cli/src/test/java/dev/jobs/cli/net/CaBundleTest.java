package dev.jobs.cli.net;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An HTTPS API whose certificate a CA of its own signed, as behind a TLS-inspecting proxy: refused
 * until the CA is trusted through AWS_CA_BUNDLE or the profile's ca_bundle; and the timeouts.
 * {@code get} takes the url-connection client, {@code wait} the Apache one.
 */
class CaBundleTest {
  @RegisterExtension static final HttpsApi api = new HttpsApi();

  @TempDir Path home;

  @ParameterizedTest
  @ValueSource(strings = {"get", "wait"})
  void certificateFromAnUnknownCa_isRefused_inOneLine(String command) throws Exception {
    CliRun.Result result = api.jobsIn(home).run(command, "job-1");

    assertThat(result.oneLineError(1))
        .startsWith("jobs: ")
        .contains("not trusted")
        .contains("AWS_CA_BUNDLE")
        .doesNotContain("\tat ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "wait"})
  void awsCaBundle_isTrusted(String command) throws Exception {
    CliRun.Result result =
        api.jobsIn(home).env("AWS_CA_BUNDLE", api.ca.bundle().toString()).run(command, "job-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("SUCCEEDED");
  }

  @Test
  void profileCaBundle_isTrusted() throws Exception {
    CliRun jobs = api.jobsIn(home);
    Path config =
        Files.writeString(
            home.resolve("config"), "[profile dev]\nca_bundle = " + api.ca.bundle() + "\n");

    CliRun.Result result = jobs.env("AWS_CONFIG_FILE", config.toString()).run("get", "job-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void bundleThatIsNoPem_isOneLineNamingItsSource() throws Exception {
    Path notPem = Files.writeString(home.resolve("bundle.pem"), "not a certificate\n");

    CliRun.Result result =
        api.jobsIn(home).env("AWS_CA_BUNDLE", notPem.toString()).run("get", "job-1");

    assertThat(result.oneLineError(2)).contains("AWS_CA_BUNDLE").contains(notPem.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "wait"})
  void readTimeout_isOneLine_exit1(String command) throws Exception {
    api.server.stubFor(
        get("/prod/jobs/job-slow")
            .willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(3_000)));

    CliRun.Result result =
        api.jobsIn(home)
            .env("AWS_CA_BUNDLE", api.ca.bundle().toString())
            .run(command, "job-slow", "--read-timeout", "300ms");

    assertThat(result.oneLineError(1))
        .startsWith("jobs: ")
        .contains("timed out")
        .contains("--read-timeout");
  }
}
