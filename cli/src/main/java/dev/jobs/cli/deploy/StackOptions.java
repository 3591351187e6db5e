package dev.jobs.cli.deploy;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which stack {@code jobs deploy} and {@code jobs destroy} work on, where, and as whom. */
public final class StackOptions {
  static final String DEFAULT_STACK = "jobs";

  @Option(
      names = "--stack-name",
      paramLabel = "NAME",
      defaultValue = DEFAULT_STACK,
      description =
          "CloudFormation stack name; also the target's name (default: ${DEFAULT-VALUE}).")
  String stackName;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "AWS region (env AWS_REGION, AWS_DEFAULT_REGION, else the profile's).")
  String region;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description = "AWS profile (env AWS_PROFILE; default: the SDK's default chain).")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "Endpoint for the STS, S3 and CloudFormation calls (env AWS_ENDPOINT_URL).")
  String endpointUrl;

  @Option(
      names = "--assembly",
      paramLabel = "DIR",
      description =
          "Use this cloud assembly (such as infra/target/cloud-assembly) instead of the one jobs"
              + " carries.")
  Path assembly;

  PackagedAssembly openAssembly() {
    return assembly == null ? PackagedAssembly.packaged() : PackagedAssembly.at(assembly);
  }
}
