package dev.jobs.cli.local;

import dev.jobs.cli.ExitCode;
import dev.jobs.cli.JobsException;
import dev.jobs.local.RuntimeFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jobs local stop}: SIGTERM to the runtime, then wait for it to finish. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = "Stop the local runtime; unfinished jobs stay queued for the next start.")
public final class LocalStop implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "How long to wait for it to stop (default: ${DEFAULT-VALUE}).")
  int waitSeconds;

  @Override
  public Integer call() throws Exception {
    // Checked before the stop signal goes, which a bad value would follow with a false time-out.
    if (waitSeconds < 0) {
      throw new JobsException(ExitCode.USAGE, "--wait must be at least 0, not " + waitSeconds);
    }
    Path directory = dataDir.resolve();
    Optional<RuntimeFile> file = RuntimeFile.read(directory);
    Optional<ProcessHandle> process = file.flatMap(f -> ProcessHandle.of(f.pid()));
    if (file.isEmpty() || process.isEmpty() || !process.get().isAlive()) {
      spec.commandLine().getOut().println("no local runtime is running for " + directory);
      return ExitCode.OK;
    }
    process.get().destroy();
    try {
      process.get().onExit().get(waitSeconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new JobsException(
          ExitCode.TIMED_OUT,
          "the local runtime (pid "
              + file.get().pid()
              + ") did not stop within "
              + waitSeconds
              + " s");
    }
    RuntimeFile.removeIfOwned(directory, file.get().pid());
    spec.commandLine().getOut().println("stopped the local runtime (pid " + file.get().pid() + ")");
    return ExitCode.OK;
  }
}
