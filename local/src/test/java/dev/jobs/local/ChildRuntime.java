package dev.jobs.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A local runtime in a child JVM, started as `jobs local start` starts one, for crash tests. */
final class ChildRuntime {
  /** The file, in the data dir, where the {@code recorded} kind's runs are appended. */
  static final String RECORDED_RUNS = "recorded-runs.txt";

  final Process process;
  final RuntimeFile file;

  private ChildRuntime(Process process, RuntimeFile file) {
    this.process = process;
    this.file = file;
  }

  /** Stops the runtime as a service manager does (SIGTERM); whether it exited within 30 s. */
  boolean stop() throws InterruptedException {
    process.destroy();
    return process.waitFor(30, TimeUnit.SECONDS);
  }

  static ChildRuntime start(Path dataDir, int port, String... extra)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Where the recorded kind appends its runs: one file across the restarts of a data dir.
    command.add("-D" + TestJobs.Recorded.FILE_PROPERTY + "=" + dataDir.resolve(RECORDED_RUNS));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ChildRuntimeMain.class.getName());
    command.add("--data-dir=" + dataDir);
    command.add("--port=" + port);
    command.addAll(List.of(extra));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("child.log").toFile()))
            .start();
    // A bound for a loaded machine (a start takes a few seconds on a quiet one), not a timing
    // check.
    long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < until) {
      Optional<RuntimeFile> file = RuntimeFile.read(dataDir);
      if (file.isPresent() && file.get().pid() == process.pid()) {
        return new ChildRuntime(process, file.get());
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the child runtime exited: " + process.exitValue());
      }
      Thread.sleep(20);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the child runtime did not start");
  }

  String endpoint() {
    return file.endpoint();
  }
}
