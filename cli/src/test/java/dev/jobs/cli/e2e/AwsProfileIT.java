package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.e2e.Shell.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The built CLI with AWS config files as the AWS CLI reads them, against a local runtime of its own
 * (in its own home, so nothing these profiles leave behind meets {@code LocalRuntimeIT}).
 */
class AwsProfileIT {
  @TempDir static Path home;

  @BeforeAll
  static void startLocalRuntime() throws Exception {
    Assumptions.assumeTrue(
        LocalRuntimeIT.hasLocalRuntime(),
        "the local runtime (dev.jobs.cli.local) is not in this build");
    Run started = jobs(Map.of(), "local", "start", "--port", "0", "--detach", "--timeout", "3");
    assertThat(started.exitCode()).as(started.err()).isZero();
  }

  @AfterAll
  static void stopLocalRuntime() throws Exception {
    if (LocalRuntimeIT.hasLocalRuntime() && Files.exists(home.resolve("local/runtime.json"))) {
      jobs(Map.of(), "local", "stop");
    }
  }

  static Run jobs(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return LocalRuntimeIT.jobsIn(home, env, args);
  }

  /**
   * Profiles as {@code aws --profile} reads them, against the runtime: {@code endpoint_url} in the
   * profile, with keys, with {@code credential_process}, and with {@code role_arn} + {@code
   * source_profile}, whose AssumeRole goes to the same endpoint. No {@code --endpoint-url}.
   */
  Map<String, String> awsConfig() throws IOException {
    Map<String, JsonNode> runtime =
        Json.parse(Files.readAllBytes(home.resolve("local/runtime.json"))).asObject();
    String endpoint = runtime.get("endpoint").asString();
    String region = runtime.get("region").asString();
    String key = runtime.get("accessKeyId").asString();
    String secret = runtime.get("secretAccessKey").asString();
    Path process = home.resolve("aws-credentials.sh");
    Files.writeString(
        process,
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \""
            + key
            + "\", \"SecretAccessKey\": \""
            + secret
            + "\"}'\n");
    process.toFile().setExecutable(true, true);
    String common = "region = " + region + "\nendpoint_url = " + endpoint + "\n";
    Path config =
        Files.writeString(
            home.resolve("aws-config"),
            "[profile jobslocal]\n"
                + common
                + "[profile jobsprocess]\ncredential_process = "
                + process
                + "\n"
                + common
                + "[profile jobsrole]\nrole_arn = arn:aws:iam::000000000000:role/JobsAPIInvokeRole\n"
                + "source_profile = jobslocal\n"
                + common);
    Path credentials =
        Files.writeString(
            home.resolve("aws-credentials"),
            "[jobslocal]\naws_access_key_id = "
                + key
                + "\naws_secret_access_key = "
                + secret
                + "\n");
    return Map.of(
        "AWS_CONFIG_FILE",
        config.toString(),
        "AWS_SHARED_CREDENTIALS_FILE",
        credentials.toString(),
        "JOBS_CONFIG",
        home.resolve("profile-targets.json").toString());
  }

  @Test
  void profileEndpointUrl_reachesTheRuntime_withKeysAndWithCredentialProcess() throws Exception {
    Map<String, String> env = awsConfig();

    Run keys =
        jobs(
            env,
            "target",
            "add",
            "viakeys",
            "--stack-name",
            "jobs-local",
            "--profile",
            "jobslocal");
    Run process =
        jobs(
            env,
            "target",
            "add",
            "viaprocess",
            "--stack-name",
            "jobs-local",
            "--profile",
            "jobsprocess");

    assertThat(keys.exitCode()).as(keys.err()).isZero();
    assertThat(process.exitCode()).as(process.err()).isZero();
  }

  @Test
  void roleProfile_assumesTheRoleAtTheProfilesEndpoint_andCallsAsTheRole() throws Exception {
    // The runtime lets the operator assume the invoke role, which may not read the stack: its
    // refusal, naming the assumed role, shows that AssumeRole went to the runtime (not to
    // sts.amazonaws.com) and that DescribeStacks was signed with the role's credentials.
    Run run =
        jobs(
            awsConfig(),
            "target",
            "add",
            "viarole",
            "--stack-name",
            "jobs-local",
            "--profile",
            "jobsrole");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CREDENTIALS);
    assertThat(run.err())
        .contains("assumed-role/JobsAPIInvokeRole/")
        .contains("not authorized to perform: cloudformation:DescribeStacks")
        .contains("profile 'jobsrole'");
    assertThat(run.err().lines()).hasSize(1);
  }
}
