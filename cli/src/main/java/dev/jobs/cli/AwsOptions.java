package dev.jobs.cli;

import picocli.CommandLine.Option;

/**
 * Where the AWS calls go and as whom: {@code --region}, {@code --profile}, {@code --endpoint-url}.
 * The job commands, {@code target add}, {@code deploy} and {@code destroy} share them, and {@code
 * TargetSettings} resolves them the same way for all.
 */
public final class AwsOptions {
  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "AWS region (env AWS_REGION, AWS_DEFAULT_REGION; else the target's, else the"
              + " profile's).")
  public String region;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description = "AWS profile for the base credentials (env AWS_PROFILE).")
  public String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "Endpoint for the AWS service calls, such as STS, EventBridge, CloudFormation and S3"
              + " (env AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL; else the target's, else the"
              + " profile's endpoint_url).")
  public String endpointUrl;
}
