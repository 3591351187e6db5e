package dev.jobs.cli.local;

import dev.jobs.cli.core.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The detached runtime's own copy of the jobs jar, in {@code <data-dir>/jar/<hash>/jobs.jar}: the
 * jar's own name and modification time, which the runtime's AOT cache ({@link RuntimeJvm}) checks
 * the class path against, in a directory named by the jar's content.
 *
 * <p>A JVM reads its classes from the jar lazily, long after it started. A rebuild ({@code mvn
 * package}, or {@code ./jobs} after a source changed) rewrites {@code cli/target/jobs.jar} under a
 * runtime that still runs, which then fails on its next class load ({@code NoClassDefFoundError})
 * while its pid lives on. Run from a copy named by its content, a runtime keeps working through any
 * rebuild; the copy is made once per build and reused while the jar is unchanged. Restarting the
 * runtime on a mismatch instead would end the attempts it runs, and cannot reach a runtime that
 * runs in a terminal.
 */
final class RuntimeJar {
  static final String DIRECTORY = "jar";
  private static final String PREFIX = "jobs-";

  private RuntimeJar() {}

  /**
   * The class path a runtime for this data directory runs from: a copy of the jar when the class
   * path is one jar (as under {@code java -jar}), else the class path as it is (classes in
   * directories, as in an IDE or Maven's tests).
   */
  static String classPathFor(Path dataDir, String classPath) throws IOException {
    Path jar = Path.of(classPath);
    if (classPath.contains(java.io.File.pathSeparator)
        || !classPath.endsWith(".jar")
        || !Files.isRegularFile(jar)) {
      return classPath;
    }
    return copy(dataDir.resolve(DIRECTORY), jar).toString();
  }

  /**
   * Copies the jar, keeping its name and modification time, into a directory named by its content
   * unless that copy exists; removes older copies.
   */
  static Path copy(Path directory, Path jar) throws IOException {
    Path home = directory.resolve(hash(jar));
    Path copy = home.resolve(String.valueOf(jar.getFileName()));
    Files.createDirectories(home);
    if (!Files.isRegularFile(copy)) {
      Path partial = Files.createTempFile(home, PREFIX, ".partial");
      try {
        Files.copy(
            jar, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    FileTime built = Files.getLastModifiedTime(jar);
    if (!Files.getLastModifiedTime(copy).equals(built)) {
      Files.setLastModifiedTime(copy, built); // the same bytes, built again
    }
    // Only one runtime runs per data directory, and none while another starts: the older copies
    // serve nobody (and a JVM that still had one open keeps reading it on Linux).
    try (DirectoryStream<Path> copies = Files.newDirectoryStream(directory)) {
      for (Path old : copies) {
        if (!old.equals(home)) {
          FileTrees.delete(old);
        }
      }
    }
    return copy;
  }

  /**
   * The first 16 hex digits of the jar's SHA-256: about 0.1 s for the 43 MB jar, once per start.
   */
  static String hash(Path jar) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(jar)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }
}
