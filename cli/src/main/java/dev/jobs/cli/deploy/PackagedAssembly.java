package dev.jobs.cli.deploy;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.FileTrees;
import dev.jobs.cli.core.JobsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cloud assembly that the build synthesized and packed into the CLI, under {@value #RESOURCE}:
 * read in place when the classes are a directory, else copied out of the jar into a temporary
 * directory that is deleted when the command ends.
 */
public final class PackagedAssembly implements AutoCloseable {
  static final String RESOURCE = "dev/jobs/cli/cloud-assembly";

  private final CloudAssembly assembly;
  private final Path temporary;

  private PackagedAssembly(CloudAssembly assembly, Path temporary) {
    this.assembly = assembly;
    this.temporary = temporary;
  }

  /** The assembly in {@code directory}, such as {@code infra/target/cloud-assembly}. */
  public static PackagedAssembly at(Path directory) {
    if (!Files.isRegularFile(directory.resolve("manifest.json"))) {
      throw new JobsException(
          ExitCode.USAGE, "no cloud assembly in " + directory + " (it has no manifest.json)");
    }
    return new PackagedAssembly(CloudAssembly.read(directory), null);
  }

  /** The assembly this CLI carries. */
  public static PackagedAssembly packaged() {
    URL manifest = PackagedAssembly.class.getClassLoader().getResource(RESOURCE + "/manifest.json");
    if (manifest == null) {
      throw new JobsException(
          ExitCode.ERROR,
          "this jobs build carries no cloud assembly; build it with 'mvn package'"
              + " or pass --assembly infra/target/cloud-assembly");
    }
    try {
      if ("file".equals(manifest.getProtocol())) {
        return at(Path.of(manifest.toURI()).getParent());
      }
      Path temporary = Files.createTempDirectory("jobs-assembly-");
      try (FileSystem jar = FileSystems.newFileSystem(jarOf(manifest), Map.of())) {
        copy(jar.getPath(RESOURCE), temporary);
      } catch (IOException | RuntimeException e) {
        delete(temporary);
        throw e;
      }
      return new PackagedAssembly(CloudAssembly.read(temporary), temporary);
    } catch (IOException e) {
      throw new JobsException(
          ExitCode.ERROR, "cannot unpack the cloud assembly: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code jar:file:/path/jobs.jar!/dev/...} to {@code /path/jobs.jar}. */
  private static Path jarOf(URL resource) throws URISyntaxException {
    String spec = resource.getPath();
    return Path.of(new java.net.URI(spec.substring(0, spec.indexOf("!/"))));
  }

  private static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path destination = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(destination);
        } else {
          try (InputStream in = Files.newInputStream(file)) {
            Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  public CloudAssembly assembly() {
    return assembly;
  }

  @Override
  public void close() {
    if (temporary != null) {
      delete(temporary);
    }
  }

  private static void delete(Path directory) {
    try {
      FileTrees.delete(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
