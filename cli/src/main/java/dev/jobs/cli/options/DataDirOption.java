package dev.jobs.cli.options;

import dev.jobs.cli.core.Environment;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by the {@code local} commands. */
public final class DataDirOption {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the runtime keeps its data (default: $JOBS_LOCAL_DIR or ~/.jobs/local).")
  Path dataDir;

  private final Environment environment;

  DataDirOption(Environment environment) {
    this.environment = environment;
  }

  /** The option, else the environment's data directory, as the job commands find it. */
  public Path resolve() {
    return dataDir != null ? dataDir : environment.localDir();
  }

  /** What the command sees of the machine, for the output format ({@code JOBS_OUTPUT}). */
  public Environment environment() {
    return environment;
  }

  /** The data directory the {@code local} target and the job commands use. */
  public Path targetDir() {
    return environment.localDir();
  }
}
