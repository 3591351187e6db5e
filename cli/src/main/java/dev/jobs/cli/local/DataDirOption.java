package dev.jobs.cli.local;

import dev.jobs.cli.Environment;
import dev.jobs.local.RuntimeFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by the {@code local} commands. */
public final class DataDirOption {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the runtime keeps its data (default: $JOBS_LOCAL_DIR or ~/.jobs/local).")
  Path dataDir;

  public Path resolve() {
    return RuntimeFile.dataDir(dataDir, System.getenv(), Environment.home(System.getenv()));
  }
}
