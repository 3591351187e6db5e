package dev.jobs.cli.local;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code <data-dir>/kind-jars}: the kind jars of the last {@code jobs local start --kinds}, one
 * absolute path a line, so that a start without {@code --kinds} (a job command's on-demand start
 * among them) serves the same kinds. Written only once a runtime has started with them, so a jar
 * that failed is never remembered; {@code --no-kinds} removes it.
 */
public final class KindJarSetting {
  static final String NAME = "kind-jars";

  private KindJarSetting() {}

  public static List<Path> read(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .map(Path::of)
          .toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new JobsException(
          ExitCode.ERROR,
          "cannot read the remembered kind jars in " + file + ": " + e.getMessage());
    }
  }

  public static void write(Path dataDir, List<Path> jars) {
    Path file = dataDir.resolve(NAME);
    try {
      if (jars.isEmpty()) {
        Files.deleteIfExists(file);
        return;
      }
      StringBuilder text = new StringBuilder();
      jars.forEach(jar -> text.append(jar).append('\n'));
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new JobsException(
          ExitCode.ERROR, "cannot remember the kind jars in " + file + ": " + e.getMessage());
    }
  }
}
