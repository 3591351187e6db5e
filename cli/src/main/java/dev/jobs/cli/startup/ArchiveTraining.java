package dev.jobs.cli.startup;

import dev.jobs.cli.app.Jobs;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.FileTrees;
import dev.jobs.cli.core.MainClass;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The workload the build runs once to make the class-data archive next to {@code jobs.jar}: the
 * commands a person types most, against a {@link LoopbackStack}, so the archive holds the classes
 * of exactly those paths (the first {@code get} resolves outputs and assumes the role; the next
 * ones read both from the caches).
 *
 * <p>With the arguments {@code short HOME}, only {@code get}, {@code stats} (both parsed without
 * picocli, so they add few classes), {@code --version} and {@code --help}, in a home whose runtime
 * file names a stack that runs elsewhere: the training of the AOT cache ({@link AotCache}). A JVM
 * loads every class of that cache before main, whichever command runs, so it must hold only what
 * the quickest commands need: no stand-in server, and (the caller runs it twice, recording the
 * second) no first {@code get} that fills the caches.
 */
public final class ArchiveTraining {
  /** No {@code --output json}: its mapper's classes would load before every command. */
  static final String[][] SHORT = {
    {"get", "training-1"}, {"get", "training-2"}, {"stats"}, {"--version"}, {"--help"}
  };

  static final String[][] COMMON = {
    {"get", "training-1"},
    {"get", "training-2"},
    {"get", "training-3", "--output", "json"},
    {"submit", "--seconds", "1"},
    {"submit", "--seconds", "1", "--wait"},
    {"wait", "training-4"},
    {"get", "--help"},
    {"stats"},
    {"stats", "--since", "30d"},
    {"list"},
    {"list", "--status", "FAILED"},
    {"logs", "training-1"},
    {"target", "list"},
    {"--version"},
    {"--help"},
    {"no-such-command"}
  };

  private ArchiveTraining() {}

  public static void main(String... args) throws IOException, ClassNotFoundException {
    // The class the jar starts with belongs in the archive too; by name, as the manifest has it.
    Class.forName(MainClass.NAME);
    if (args.length == 2 && args[0].equals("short")) {
      run(Path.of(args[1]), SHORT);
      return;
    }
    Path home = Files.createTempDirectory("jobs-training");
    try (LoopbackStack stack = LoopbackStack.start()) {
      stack.writeRuntimeFile(localDir(home));
      run(home, COMMON);
    } finally {
      FileTrees.delete(home);
    }
  }

  static Path localDir(Path home) {
    return home.resolve(".jobs/local");
  }

  private static void run(Path home, String[][] commands) {
    Environment environment =
        new Environment(
            Map.of("JOBS_LOCAL_DIR", localDir(home).toString()),
            home,
            false,
            Clock.systemUTC(),
            duration -> {});
    for (String[] command : commands) {
      StringWriter sink = new StringWriter();
      Jobs.run(environment, new PrintWriter(sink), new PrintWriter(sink), command);
    }
  }
}
