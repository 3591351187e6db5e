package dev.jobs.cli;

import picocli.CommandLine.Option;

/**
 * Where a command runs and as whom. Each value is taken from the flag, then the environment, then
 * the target, then a default.
 */
public final class TargetOptions {
  @Option(
      names = "--target",
      paramLabel = "NAME",
      description =
          "Target to use (env JOBS_TARGET; default: the current target, else local). The local"
              + " runtime is started when it does not run, unless JOBS_LOCAL_AUTOSTART=0.")
  public String target;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description = "AWS profile for the base credentials (env AWS_PROFILE).")
  public String profile;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "AWS region (env AWS_REGION, AWS_DEFAULT_REGION).")
  public String region;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "Endpoint for the AWS service calls: STS, EventBridge, CloudFormation"
              + " (env AWS_ENDPOINT_URL).")
  public String endpointUrl;

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description = "Base URL of the jobs API, without /jobs (env JOBS_API_URL).")
  public String apiUrl;

  @Option(
      names = "--role-arn",
      paramLabel = "ARN",
      description = "Role to assume to call the API (env JOBS_ROLE_ARN).")
  public String roleArn;
}
