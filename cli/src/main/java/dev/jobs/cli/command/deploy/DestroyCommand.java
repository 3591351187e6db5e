package dev.jobs.cli.command.deploy;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.deploy.AwsCalls;
import dev.jobs.cli.deploy.CloudAssembly;
import dev.jobs.cli.deploy.PackagedAssembly;
import dev.jobs.cli.deploy.StackOptions;
import dev.jobs.cli.deploy.StackSession;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.Confirmation;
import dev.jobs.cli.output.Printer;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code jobs destroy}: deletes the stack, its target and (unless kept) the asset bucket. */
@Command(
    name = "destroy",
    description = {
      "Delete the stack, its target and the asset bucket.",
      "Follows the deletion to its end, removes the target, and empties and deletes the asset"
          + " bucket unless --keep-assets. Asks first on a terminal; without one, --yes is"
          + " required."
    })
public final class DestroyCommand implements Callable<Integer> {
  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin StackOptions stack;
  @Mixin OutputOptions output;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation.")
  boolean yes;

  @Option(
      names = "--keep-assets",
      description =
          "Keep the asset bucket and its objects (other stacks of this account and region share"
              + " it).")
  boolean keepAssets;

  DestroyCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    StackSession session =
        new StackSession(
            environment, stack, output, spec.commandLine().getOut(), spec.commandLine().getErr());
    try {
      String stackName = session.stackName();
      String where = "stack " + stackName + " in " + session.region();
      if (!yes) {
        Optional<Confirmation> confirmation = session.confirmation();
        if (confirmation.isEmpty()) {
          throw new JobsException(
              ExitCode.USAGE,
              "jobs destroy deletes "
                  + where
                  + " with its jobs table and archive; pass --yes to confirm without a terminal");
        }
        if (!confirmation
            .get()
            .confirm("Delete " + where + ", its jobs table and its failed-jobs archive?")) {
          throw new JobsException(ExitCode.ERROR, "cancelled; nothing was deleted");
        }
      }
      session.deployer(Optional.empty()).destroy(stackName);
      boolean unregistered = session.unregister();
      if (unregistered) {
        session.progress().line("removed target " + stackName);
      }
      if (!keepAssets) {
        try (PackagedAssembly packaged = stack.openAssembly()) {
          String bucket =
              packaged
                  .assembly()
                  .bucket(CloudAssembly.placeholders(session.account(), session.region()));
          AwsCalls.run("s3:DeleteBucket", bucket, () -> session.assets().deleteBucket(bucket));
        }
      }
      // The answer: JSON {"stackName", "region", "targetRemoved", "assetsDeleted"}; -q the name.
      Printer.of(output, environment, spec)
          .print(
              Answer.of(
                  () ->
                      Json.mapper()
                          .createObjectNode()
                          .put("stackName", stackName)
                          .put("region", session.region())
                          .put("targetRemoved", unregistered)
                          .put("assetsDeleted", !keepAssets),
                  stackName,
                  out -> {}));
      // A stack that was already gone is what destroy wants: it said so, and exits 0.
      return ExitCode.OK;
    } catch (SdkException e) {
      throw session.failure(e, "jobs destroy of stack " + stack.stackName);
    }
  }
}
