package dev.jobs.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fixture's directory that JUnit's {@code @TempDir} cannot give: one that lives as long as a
 * class-wide extension or a jqwik container, made and deleted by the fixture itself.
 */
public final class ScratchDirectory {
  private ScratchDirectory() {}

  /** Deletes the directory and everything in it, deepest first. */
  public static void delete(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path file : files) {
      Files.delete(file);
    }
  }
}
