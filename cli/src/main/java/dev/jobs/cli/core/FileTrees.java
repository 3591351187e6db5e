package dev.jobs.cli.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files and the directories under them, as one. */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Deletes {@code root} and, when it is a directory, everything under it, deepest first; links are
   * deleted, not followed.
   */
  public static void delete(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
