package dev.jobs.cli.startup;

import dev.jobs.cli.core.FileTrees;
import dev.jobs.cli.local.RuntimeJvm;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AOT cache next to {@code jobs.jar} ({@code jobs.aot}, JEP 483), made by the build when it
 * finds a JDK 25 or newer: a JVM started with it has the classes of the short commands loaded and
 * linked before {@code main}. The cache only maps in the JDK that made it, so that JDK's {@code
 * java} is written beside it ({@code jobs.aot.java}) for the launcher to run the short commands
 * with. Without such a JDK, the stale pair is removed and the launcher keeps the class-data archive
 * of the build's own JDK ({@code jobs.jsa}), which Java 17 maps.
 *
 * <p>Where a JDK is looked for, first match wins: {@code -Djobs.aot.jdk} (or {@code JOBS_AOT_JDK}),
 * then {@code JAVA_HOME}, then {@code java} on the {@code PATH}, then the newest JDK 25+ in the
 * usual install directories (Debian's {@code /usr/lib/jvm}, {@code /opt/java}, {@code
 * /Library/Java/JavaVirtualMachines}, SDKMAN's and IntelliJ's). {@code -Djobs.aot.jdk=none} turns
 * it off.
 */
public final class AotCache {
  static final int FEATURE = 25;
  private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

  private AotCache() {}

  /** {@code args}: the jar, then the cache to write; the runtime's is written beside it. */
  public static void main(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path cache = Path.of(args[1]).toAbsolutePath();
    Path record = Path.of(cache + ".java");
    Path runtimeCache = cache.resolveSibling(RuntimeJvm.CACHE);
    Files.deleteIfExists(cache);
    Files.deleteIfExists(record);
    Files.deleteIfExists(runtimeCache);
    Files.deleteIfExists(Path.of(runtimeCache + ".java"));
    Optional<Path> jdk = find(System.getProperty("jobs.aot.jdk"), System.getenv());
    if (jdk.isEmpty()) {
      System.out.println(
          "AotCache: no JDK " + FEATURE + " or newer found: no AOT cache, jobs.jsa is used");
      return;
    }
    Path java = jdk.get().resolve("bin/java");
    Path log = Path.of(cache + ".log");
    Files.deleteIfExists(log);
    Path home = Files.createTempDirectory("jobs-aot-training");
    // The stand-in runs here, not in the training JVM, whose every class the cache keeps.
    try (LoopbackStack stack = LoopbackStack.start()) {
      stack.writeRuntimeFile(ArchiveTraining.localDir(home));
      train(java, jar, home, null, log);
      train(java, jar, home, cache, log);
    } finally {
      FileTrees.delete(home);
    }
    Files.writeString(record, java + "\n", StandardCharsets.UTF_8);
    System.out.println("AotCache: " + cache + " for " + java);
    if (!Boolean.getBoolean("jobs.aot.runtime.skip")) {
      RuntimeTraining.train(java, jar, runtimeCache, Path.of(runtimeCache + ".log"));
    }
  }

  /**
   * One run of the short commands in {@code home}; recorded into {@code cache} unless null (the
   * first run fills the home's caches, so that the recorded one is a warm {@code get}).
   */
  private static void train(Path java, Path jar, Path home, Path cache, Path log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    if (cache != null) {
      command.add("-XX:AOTCacheOutput=" + cache);
    }
    // The launcher's flags: a cache made with other GC or compiler settings may not map.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
    command.addAll(List.of("-Xss1m", "-cp", jar.toString()));
    command.addAll(List.of(ArchiveTraining.class.getName(), "short", home.toString()));
    Process training =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!training.waitFor(10, TimeUnit.MINUTES)) {
      training.destroyForcibly();
      throw new IOException("the AOT training with " + java + " did not end; see " + log);
    }
    if (training.exitValue() != 0 || (cache != null && !Files.isRegularFile(cache))) {
      throw new IOException("the AOT training with " + java + " failed; see " + log);
    }
  }

  /** The JDK to train with, if any: see the class comment for the order. */
  static Optional<Path> find(String configured, Map<String, String> env) throws IOException {
    String named = configured != null ? configured : env.get("JOBS_AOT_JDK");
    if ("none".equals(named)) {
      return Optional.empty();
    }
    if (named != null && !named.isBlank()) {
      // Configured, it must be one: a mistake is said, not skipped.
      Path home = Path.of(named);
      if (feature(home) < FEATURE) {
        throw new IOException("jobs.aot.jdk=" + named + " is not a JDK " + FEATURE + " or newer");
      }
      return Optional.of(home);
    }
    List<Path> ordered = new ArrayList<>();
    Optional.ofNullable(env.get("JAVA_HOME")).map(Path::of).ifPresent(ordered::add);
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path java = Path.of(dir.isEmpty() ? "." : dir, "java");
      if (Files.isExecutable(java)) {
        // /usr/bin/java is a chain of links to <home>/bin/java.
        Path bin = java.toRealPath().getParent();
        if (bin != null && bin.getParent() != null) {
          ordered.add(bin.getParent());
        }
      }
    }
    for (Path home : ordered) {
      if (feature(home) >= FEATURE) {
        return Optional.of(home);
      }
    }
    String user = System.getProperty("user.home");
    List<Path> installed = new ArrayList<>();
    for (Path dir :
        List.of(
            Path.of("/usr/lib/jvm"),
            Path.of("/usr/java"),
            Path.of("/opt/java"),
            Path.of("/Library/Java/JavaVirtualMachines"),
            Path.of(user, ".sdkman/candidates/java"),
            Path.of(user, ".jdks"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> homes = Files.newDirectoryStream(dir)) {
        for (Path home : homes) {
          installed.add(home);
          installed.add(home.resolve("Contents/Home"));
        }
      }
    }
    return installed.stream()
        .filter(home -> feature(home) >= FEATURE)
        .max(Comparator.comparingInt(AotCache::feature));
  }

  /** The feature release of the JDK at {@code home} (25 for 25.0.3), from its release file; 0. */
  static int feature(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
      return 0;
    }
    try {
      Matcher version = VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
      return version.find() ? Integer.parseInt(version.group(1)) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
