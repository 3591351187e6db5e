package dev.jobs.cli.deploy;

import dev.jobs.cli.options.AwsOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
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
  public String stackName;

  @Mixin AwsOptions aws = new AwsOptions();

  @Option(
      names = "--assembly",
      paramLabel = "DIR",
      description =
          "Use this cloud assembly (such as infra/target/cloud-assembly) instead of the one jobs"
              + " carries.")
  Path assembly;

  public PackagedAssembly openAssembly() {
    return assembly == null ? PackagedAssembly.packaged() : PackagedAssembly.at(assembly);
  }
}
