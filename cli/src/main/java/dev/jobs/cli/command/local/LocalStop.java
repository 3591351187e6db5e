package dev.jobs.cli.command.local;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.output.Answer;
import dev.jobs.local.RuntimeFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** {@code jobs local stop}: SIGTERM to the runtime, then wait for it to finish. */
@Command(
    name = "stop",
    description = "Stop the local runtime; unfinished jobs stay queued for the next start.")
public final class LocalStop extends RuntimeCommand {
  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description = "How long to wait for it to stop (default: ${DEFAULT-VALUE}).")
  Duration wait;

  @Override
  public Integer call() throws Exception {
    // Checked before the stop signal goes, which a bad value would follow with a false time-out.
    Durations.notNegative("--wait", wait);
    Path directory = dataDir.resolve();
    Optional<RuntimeFile> file = RuntimeFile.read(directory);
    Optional<ProcessHandle> process = file.flatMap(f -> ProcessHandle.of(f.pid()));
    if (file.isEmpty() || process.isEmpty() || !process.get().isAlive()) {
      answer(false, directory, 0, "no local runtime is running for " + directory);
      return ExitCode.OK;
    }
    process.get().destroy();
    try {
      process.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new JobsException(
          ExitCode.TIMED_OUT,
          "the local runtime (pid "
              + file.get().pid()
              + ") did not stop within "
              + Durations.format(wait));
    }
    RuntimeFile.removeIfOwned(directory, file.get().pid());
    long pid = file.get().pid();
    answer(true, directory, pid, "stopped the local runtime (pid " + pid + ")");
    return ExitCode.OK;
  }

  /** JSON {@code {"stopped":...,"pid":...,"dataDir":...}}; with -q the pid it stopped, if any. */
  private void answer(boolean stopped, Path directory, long pid, String text) {
    printer()
        .print(
            Answer.of(
                () -> {
                  ObjectNode answer = Json.mapper().createObjectNode().put("stopped", stopped);
                  if (stopped) {
                    answer.put("pid", pid);
                  }
                  return answer.put("dataDir", directory.toString());
                },
                out -> {
                  if (stopped) {
                    out.println(pid);
                  }
                },
                out -> out.println(text)));
  }
}
