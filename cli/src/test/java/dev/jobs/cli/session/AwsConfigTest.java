package dev.jobs.cli.session;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.OnFakeAws;
import dev.jobs.cli.testing.SigV4;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The AWS config files and variables as the AWS CLI reads them: endpoints from profiles and {@code
 * AWS_ENDPOINT_URL*}, roles assumed through them, {@code credential_process}, a missing profile,
 * and the region's source in errors. No endpoint flag anywhere: without the profile's or the
 * variable's endpoint the calls would go to AWS and fail.
 */
class AwsConfigTest extends OnFakeAws {
  Path config;

  @BeforeEach
  void files() throws Exception {
    config = home.resolve("config");
    Path credentials =
        Files.writeString(
            home.resolve("credentials"),
            "[base]\naws_access_key_id = AKIABASEKEY\naws_secret_access_key = base-secret\n");
    jobs.env("AWS_SHARED_CREDENTIALS_FILE", credentials.toString())
        .env("AWS_CONFIG_FILE", config.toString());
    aws.stackOutputs("jobs-local");
  }

  CliRun.Result addWithProfile(String profile, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("target", "add", "x", "--stack-name", "jobs-local", "--profile", profile));
    args.addAll(List.of(more));
    return jobs.run(args.toArray(String[]::new));
  }

  List<LoggedRequest> describeStacks() {
    return wire.findAll(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(WireMock.containing("Action=DescribeStacks")));
  }

  String signingKey(LoggedRequest request) {
    return SigV4.parse(request.getHeader("Authorization")).accessKey();
  }

  /** An endpoint in the profile, or in the services section it names, is where the calls go. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "[profile base]\nregion = us-east-1\nendpoint_url = ENDPOINT\n",
        "[profile base]\nregion = us-east-1\nservices = here\n"
            + "[services here]\ncloudformation =\n  endpoint_url = ENDPOINT\n"
      })
  void profileEndpoint_isWhereTheCallsGo(String profiles) throws Exception {
    Files.writeString(config, profiles.replace("ENDPOINT", aws.endpoint()));

    CliRun.Result added = addWithProfile("base");

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(describeStacks()).hasSize(1);
  }

  @Test
  void serviceEndpointVariable_isHonoured() {
    jobs.env("AWS_ENDPOINT_URL_CLOUDFORMATION", aws.endpoint());

    CliRun.Result added = addWithProfile("base", "--region", "us-east-1");

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(describeStacks()).hasSize(1);
  }

  @Test
  void roleProfile_assumesTheRoleThroughTheProfilesEndpoint_andCallsWithItsKeys() throws Exception {
    Files.writeString(
        config,
        "[profile base]\nregion = us-east-1\n"
            + "[profile admin]\nrole_arn = arn:aws:iam::000000000000:role/Admin\n"
            + "source_profile = base\nregion = us-east-1\nendpoint_url = "
            + aws.endpoint()
            + "\n");
    aws.assumeRole(jobs.now().plus(Duration.ofHours(1)));

    CliRun.Result added = addWithProfile("admin");

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(aws.assumeRoleCalls()).hasSize(1);
    assertThat(signingKey(aws.assumeRoleCalls().get(0))).isEqualTo("AKIABASEKEY");
    assertThat(aws.assumeRoleCalls().get(0).getBodyAsString())
        .contains("RoleArn=arn%3Aaws%3Aiam%3A%3A000000000000%3Arole%2FAdmin");
    assertThat(signingKey(describeStacks().get(0))).isEqualTo(FakeAws.ASSUMED_KEY);
  }

  @Test
  void credentialProcess_givesTheKeys() throws Exception {
    Path process = home.resolve("credentials.sh");
    Files.writeString(
        process,
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROCESS\","
            + " \"SecretAccessKey\": \"process-secret\"}'\n");
    Files.setPosixFilePermissions(process, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(
        config,
        "[profile proc]\nregion = us-east-1\ncredential_process = "
            + process
            + "\nendpoint_url = "
            + aws.endpoint()
            + "\n");

    CliRun.Result added = addWithProfile("proc");

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(signingKey(describeStacks().get(0))).isEqualTo("AKIAPROCESS");
  }

  @Test
  void missingProfile_exits5_namingItAndTheFilesRead() {
    CliRun.Result added =
        addWithProfile("doesnotexist", "--region", "us-east-1", "--endpoint-url", aws.endpoint());

    assertThat(added.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
    assertThat(added.err())
        .isEqualTo(
            "jobs: profile 'doesnotexist' does not exist in "
                + config
                + " or "
                + home.resolve("credentials")
                + "\n");
    assertThat(describeStacks()).isEmpty();
  }

  @Test
  void apiRefusal_namesTheRegionAndWhereItCameFrom() throws Exception {
    Files.writeString(
        config, "[profile base]\nregion = us-east-1\nendpoint_url = " + aws.endpoint() + "\n");
    assertThat(addWithProfile("base").exitCode()).isZero();
    aws.assumeRole(jobs.now().plus(Duration.ofHours(1)));
    wire.stubFor(
        get("/prod/jobs/job-1")
            .willReturn(
                FakeAws.json(
                    403, "{\"message\":\"Credential should be scoped to a valid region\"}")));
    jobs.env("AWS_REGION", "eu-west-1");

    CliRun.Result result = jobs.run("get", "job-1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
    assertThat(result.err()).contains("region eu-west-1 from AWS_REGION");
    assertThat(wire.findAll(getRequestedFor(urlEqualTo("/prod/jobs/job-1")))).isNotEmpty();
  }

  @Test
  void brokenConfigFile_exits2WithOneLineNamingIt() throws Exception {
    Files.writeString(config, "[profile base\nregion = us-east-1\n");

    CliRun.Result added = addWithProfile("base");

    assertThat(added.oneLineError(ExitCode.USAGE)).startsWith("jobs: cannot read " + config);
  }
}
