package dev.jobs.cli.deploy;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.deploy.CloudAssembly.FileAsset;
import dev.jobs.local.KindJars;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code jobs deploy --kinds}: the kind jars as a Lambda layer's zip, each jar at {@code
 * java/lib/<name>.jar}, where the Java runtime puts it on the functions' class path. The zip is
 * deterministic and named by its content, as the other assets are, so an unchanged set of jars
 * uploads nothing and leaves the deployed layer as it is.
 */
public final class KindsLayerZip {
  /** The stack parameter the layer's object key goes to ({@code StackParameters} in infra). */
  public static final String PARAMETER = "KindsLayerKey";

  /** The stack parameter of the job types the API accepts ({@code StackParameters} in infra). */
  public static final String TYPES_PARAMETER = "JobTypes";

  /** The layer's zip, and the job types the functions serve with it (built-in ones first). */
  public record Layer(FileAsset zip, List<String> types) {}

  static final String DIRECTORY = "java/lib/";
  private static final long ENTRY_TIME = 315532800000L;

  private KindsLayerZip() {}

  /**
   * The jars checked as the local runtime checks them (each loads, no kind's name clashes), zipped
   * as an asset for the assembly's bucket.
   */
  public static Layer of(List<Path> jars, String bucketName) {
    Set<String> names = new HashSet<>();
    for (Path jar : jars) {
      String name = String.valueOf(jar.getFileName());
      if (!names.add(name)) {
        throw new JobsException(
            ExitCode.USAGE, "two kind jars are named " + name + "; a layer holds one of each name");
      }
    }
    List<String> types;
    try {
      types = KindJars.load(jars).names();
    } catch (KindJars.KindJarException e) {
      throw new JobsException(ExitCode.USAGE, e.getMessage(), e);
    }
    try {
      Path zip = Files.createTempFile("jobs-kinds", ".zip");
      zip.toFile().deleteOnExit();
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (OutputStream file = Files.newOutputStream(zip);
          ZipOutputStream out = new ZipOutputStream(new DigestOutputStream(file, digest))) {
        for (Path jar :
            jars.stream().sorted((a, b) -> a.getFileName().compareTo(b.getFileName())).toList()) {
          ZipEntry entry = new ZipEntry(DIRECTORY + jar.getFileName());
          entry.setTime(ENTRY_TIME);
          out.putNextEntry(entry);
          Files.copy(jar, out);
          out.closeEntry();
        }
      }
      String hash = java.util.HexFormat.of().formatHex(digest.digest());
      return new Layer(
          new FileAsset(hash, zip, "file", bucketName, "kinds-" + hash + ".zip"), types);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot zip the kind jars: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }
}
