package dev.jobs.cli.session;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.settings.StackSettings;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.JobRecords;
import dev.jobs.cli.testing.OnFakeAws;
import dev.jobs.cli.testing.SigV4;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** STS AssumeRole against WireMock: the cache, refreshing, and every kind of refusal. */
class CredentialsTest extends OnFakeAws {
  @BeforeEach
  void localStack() throws Exception {
    aws.localRuntime(home);
    aws.stackOutputs("jobs-local");
    wire.stubFor(get("/prod/jobs/job-1").willReturn(FakeAws.json(200, JobRecords.SUCCEEDED)));
  }

  @Test
  void assumedCredentials_areCachedOwnerOnly_andTheNextCommandMakesNoStsCall() throws Exception {
    aws.assumeRole(jobs.now().plus(Duration.ofHours(1)));

    assertThat(jobs.run("get", "job-1").exitCode()).isZero();
    assertThat(jobs.run("get", "job-1").exitCode()).isZero();

    assertThat(aws.assumeRoleCalls()).hasSize(1);
    List<Path> cached;
    try (Stream<Path> files = Files.list(home.resolve(".jobs/cache/credentials"))) {
      cached = files.toList();
    }
    assertThat(cached).hasSize(1);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cached.get(0))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(cached.get(0))).contains(FakeAws.ASSUMED_KEY);
  }

  @Test
  void assumeRole_asksForTheInvokeRolesMaximumSession_whichTheStackSets() {
    aws.assumeRole(jobs.now().plus(Duration.ofHours(1)));

    assertThat(jobs.run("get", "job-1").exitCode()).isZero();

    assertThat(aws.assumeRoleCalls()).hasSize(1);
    assertThat(aws.assumeRoleCalls().get(0).getBodyAsString())
        .contains("DurationSeconds=" + StackSettings.INVOKE_ROLE_MAX_SESSION_SECONDS);
  }

  @Test
  void credentialsWithinFiveMinutesOfExpiry_areAssumedAgain() {
    aws.assumeRole(jobs.now().plus(Duration.ofMinutes(4)));

    jobs.run("get", "job-1");
    jobs.run("get", "job-1");

    assertThat(aws.assumeRoleCalls()).hasSize(2);
  }

  @Test
  void expiredBaseToken_exits5_sayingWhatWasTriedAndWhatToDo() {
    CliRun.Result result =
        getWhileStsRefuses(
            403, "ExpiredToken", "The security token included in the request is expired");

    assertThat(result.oneLineError(ExitCode.CREDENTIALS))
        .startsWith("jobs: the credentials of the local runtime's operator keys have expired")
        .contains(FakeAws.ROLE)
        .contains("refresh them");
  }

  @Test
  void accessDenied_exits5_namingTheRoleAndTheIdentity() {
    CliRun.Result result =
        getWhileStsRefuses(
            403, "AccessDenied", "User test is not authorized to perform sts:AssumeRole");

    assertThat(result.oneLineError(ExitCode.CREDENTIALS))
        .contains("assuming " + FakeAws.ROLE + " with the local runtime's operator keys")
        .contains("AccessDenied")
        .doesNotContain("\tat ");
  }

  @Test
  void throttledAssumeRole_isRetriedBySdk_andSucceeds() {
    wire.stubFor(
        FakeAws.sts("AssumeRole")
            .inScenario("throttle")
            .whenScenarioStateIs(STARTED)
            .willReturn(FakeAws.queryError(400, "Throttling", "Rate exceeded"))
            .willSetStateTo("ok"));
    wire.stubFor(
        FakeAws.sts("AssumeRole")
            .inScenario("throttle")
            .whenScenarioStateIs("ok")
            .willReturn(FakeAws.xml(200, FakeAws.assumeRoleBody(jobs.now().plusSeconds(3600)))));

    CliRun.Result result = jobs.run("get", "job-1");

    assertThat(result.exitCode()).isZero();
    assertThat(aws.assumeRoleCalls()).hasSize(2);
  }

  @Test
  void stsServerErrorPersisting_exits1WithOneLine() {
    CliRun.Result result = getWhileStsRefuses(503, "ServiceUnavailable", "Service is unavailable");

    assertThat(result.oneLineError(ExitCode.ERROR))
        .contains("ServiceUnavailable")
        .contains(FakeAws.ROLE);
    assertThat(aws.assumeRoleCalls().size()).isGreaterThan(1);
  }

  @Test
  void malformedStsAnswer_exits1WithOneLine_andAStackOnlyWithVerbose() {
    wire.stubFor(
        FakeAws.sts("AssumeRole").willReturn(FakeAws.xml(200, "<AssumeRoleResponse><oops")));

    CliRun.Result quiet = jobs.run("get", "job-1");
    CliRun.Result verbose = jobs.run("get", "job-1", "--verbose");

    assertThat(quiet.oneLineError(ExitCode.ERROR)).startsWith("jobs: assuming " + FakeAws.ROLE);
    assertThat(verbose.err()).contains("\tat ");
  }

  @Test
  void unknownProfile_exits5_namingTheProfileAndTheFilesRead() throws Exception {
    Path config =
        Files.writeString(home.resolve("config"), "[profile other]\nregion = us-east-1\n");
    jobs.env("AWS_CONFIG_FILE", config.toString())
        .env("AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString());

    CliRun.Result result = jobs.run("get", "job-1", "--profile", "nope");

    assertThat(result.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
    assertThat(result.err())
        .isEqualTo(
            "jobs: profile 'nope' does not exist in "
                + config
                + " or "
                + home.resolve("none")
                + "\n");
    assertThat(aws.assumeRoleCalls()).isEmpty();
  }

  @Test
  void profileKeys_signTheAssumeRoleCall() throws Exception {
    jobs.devProfile();
    aws.assumeRole(jobs.now().plus(Duration.ofHours(1)));

    CliRun.Result result = jobs.run("get", "job-1", "--profile", "dev");

    assertThat(result.exitCode()).isZero();
    var call = aws.assumeRoleCalls().get(0);
    assertThat(SigV4.parse(call.getHeader("Authorization")).accessKey()).isEqualTo("AKIADEVKEY");
    // The SDK signs STS calls itself; WireMock's server rewrites the Content-Type charset, so only
    // the key is compared here. The API's signature, which this code makes, is checked in full.
  }

  /**
   * {@code jobs get job-1} while STS answers every AssumeRole with this error, which the command
   * must report in one line.
   */
  private CliRun.Result getWhileStsRefuses(int status, String code, String message) {
    wire.stubFor(FakeAws.sts("AssumeRole").willReturn(FakeAws.queryError(status, code, message)));
    return jobs.run("get", "job-1");
  }
}
