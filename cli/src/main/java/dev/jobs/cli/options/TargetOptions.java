package dev.jobs.cli.options;

import dev.jobs.cli.completion.Candidates;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a command runs and as whom. Each value is taken from the flag, then the environment, then
 * the target, then a default.
 */
public final class TargetOptions {
  @Option(
      names = "--target",
      completionCandidates = Candidates.TargetNames.class,
      paramLabel = "NAME",
      description =
          "Target to use (env JOBS_TARGET; default: the current target, else local). The local"
              + " runtime is started when it does not run, unless JOBS_LOCAL_AUTOSTART=0.")
  public String target;

  @Mixin public AwsOptions aws = new AwsOptions();

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
