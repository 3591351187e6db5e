package dev.jobs.local.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory holds the operator's secret and every issued session token: it is the owner's
 * alone (0700, its files 0600), whatever the umask, and also when it was made before with looser
 * modes. On a file system without POSIX modes this does nothing.
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Creates the directory (and its parents) if need be, and makes it the owner's only. */
  public static void directory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory);
    }
    if (posix(directory)) {
      Files.setPosixFilePermissions(directory, DIRECTORY);
    }
  }

  /** Creates an empty file readable by its owner only, or makes an existing one so. */
  public static void file(Path file) throws IOException {
    boolean posix = posix(file.getParent());
    try {
      if (posix) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      // made before, perhaps with the umask's modes: tightened below
    }
    if (posix) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }

  /** Makes a file the owner's only, if it exists. */
  public static void restrictIfExists(Path file) throws IOException {
    if (Files.exists(file) && posix(file.getParent())) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }

  private static boolean posix(Path directory) {
    return directory != null
        && directory.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
