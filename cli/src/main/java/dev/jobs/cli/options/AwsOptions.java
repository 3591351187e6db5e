package dev.jobs.cli.options;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where the AWS calls go and as whom: {@code --region}, {@code --profile}, {@code --endpoint-url};
 * and how long each call may wait: {@code --connect-timeout}, {@code --read-timeout}. The job
 * commands, {@code target add}, {@code deploy} and {@code destroy} share them, and {@code
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

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      description =
          "How long to wait for a connection, such as 10s; 0 waits forever (default: 60s, as the"
              + " AWS CLI's).")
  public Duration connectTimeout;

  @Option(
      names = "--read-timeout",
      paramLabel = "DURATION",
      description =
          "How long to wait for an answer once connected, such as 2m; 0 waits forever (default:"
              + " 60s, as the AWS CLI's).")
  public Duration readTimeout;
}
