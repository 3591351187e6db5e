package dev.jobs.cli.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.jobs.cli.deploy.DeployStubs.stubDiscardedCreateFlow;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jobs.cli.testing.FakeAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code jobs.jar} deploys the cloud assembly it carries: the synthesized template and
 * the backend artifact, unpacked from the jar and uploaded, with no other file on disk.
 */
class PackagedDeployIT {
  static final Path JAR = Path.of("target/jobs.jar").toAbsolutePath();

  @RegisterExtension static WireMockExtension aws = FakeAws.server();

  @TempDir Path home;

  @Test
  void theJarUploadsItsOwnAssetsAndProposesTheSynthesizedTemplate() throws Exception {
    DeployStubs.stubCallerIdentity(aws);
    aws.stubFor(WireMock.head(urlMatching("/.*")).willReturn(aResponse().withStatus(404)));
    aws.stubFor(put(urlMatching("/.*")).willReturn(aResponse().withStatus(200)));
    stubDiscardedCreateFlow(aws);
    Path credentials =
        Files.writeString(
            home.resolve("credentials"),
            "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n");

    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The JVM takes its home from the password database, not from HOME.
                "-Duser.home=" + home,
                "-jar",
                JAR.toString(),
                "deploy",
                "--dry-run",
                "--region",
                "eu-west-1",
                "--endpoint-url",
                aws.baseUrl())
            .redirectErrorStream(true);
    builder.environment().put("HOME", home.toString());
    builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
    builder.environment().put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
    builder.environment().remove("AWS_PROFILE");
    builder.environment().remove("AWS_REGION");
    builder.environment().remove("AWS_ENDPOINT_URL");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out).contains("creating asset bucket jobs-assets-123456789012-eu-west-1");
    List<LoggedRequest> uploads =
        aws.findAll(putRequestedFor(urlMatching("/jobs-assets-123456789012-eu-west-1/.+")));
    assertThat(uploads).extracting(LoggedRequest::getUrl).anyMatch(url -> url.endsWith(".jar"));
    LoggedRequest lambdaJar =
        uploads.stream().filter(r -> r.getUrl().endsWith(".jar")).findFirst().orElseThrow();
    assertThat(lambdaJar.getBody().length).isGreaterThan(1_000_000);
    LoggedRequest template =
        uploads.stream().filter(r -> r.getUrl().endsWith(".json")).findFirst().orElseThrow();
    assertThat(template.getBodyAsString()).contains("AWS::ApiGateway::RestApi");
    aws.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(containing("Action=CreateChangeSet"))
            .withRequestBody(
                matching(
                    ".*TemplateURL=https%3A%2F%2Fjobs-assets-123456789012-eu-west-1\\.s3\\.eu-west-1"
                        + "\\.amazonaws\\.com%2F[0-9a-f]{64}\\.json.*")));
    assertThat(home.resolve(".jobs/config.json")).doesNotExist();
  }
}
