package dev.jobs.cli.startup;

import dev.jobs.cli.app.Jobs;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.MainClass;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workload the build runs once to make the class-data archive next to {@code jobs.jar}: the
 * commands a person types most, against a {@link LoopbackStack}, so the archive holds the classes
 * of exactly those paths (the first {@code get} resolves outputs and assumes the role; the next
 * ones read both from the caches). With the argument {@code short}, only {@code get}, {@code
 * --version} and {@code --help}: the training of the AOT cache ({@link AotCache}), whose classes a
 * JVM loads before main whichever command runs, so that it holds only what the quickest commands
 * need.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  public static void main(String... args) throws IOException, ClassNotFoundException {
    boolean onlyShort = args.length > 0 && args[0].equals("short");
    // The class the jar starts with belongs in the archive too; by name, as the manifest has it.
    Class.forName(MainClass.NAME);
    Path home = Files.createTempDirectory("jobs-training");
    try (LoopbackStack stack = LoopbackStack.start()) {
      Path local = home.resolve(".jobs/local");
      stack.writeRuntimeFile(local);
      Environment environment =
          new Environment(
              Map.of("JOBS_LOCAL_DIR", local.toString()),
              home,
              false,
              Clock.systemUTC(),
              duration -> {});
      String[][] quick = {
        {"get", "training-1"},
        {"get", "training-2"},
        {"get", "training-3", "--output", "json"},
        {"--version"},
        {"--help"}
      };
      String[][] commands = {
        {"get", "training-1"},
        {"get", "training-2"},
        {"get", "training-3", "--output", "json"},
        {"submit", "--seconds", "1"},
        {"submit", "--seconds", "1", "--wait"},
        {"wait", "training-4"},
        {"get", "--help"},
        {"target", "list"},
        {"--version"},
        {"--help"},
        {"no-such-command"}
      };
      for (String[] command : onlyShort ? quick : commands) {
        StringWriter sink = new StringWriter();
        Jobs.run(environment, new PrintWriter(sink), new PrintWriter(sink), command);
      }
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
