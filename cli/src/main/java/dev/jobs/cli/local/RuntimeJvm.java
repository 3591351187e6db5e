package dev.jobs.cli.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code java} a local runtime runs in, and its options. When the build left the runtime's AOT
 * cache beside the jar ({@code jobs-runtime.aot}, JEP 483 and 515: made by a JDK 25 or newer that
 * ran a runtime under submits, {@code AotCache}), the runtime runs in the JDK that made it, with
 * it: its classes are loaded and linked before {@code main}, and the JIT starts from the training's
 * profiles. A fresh runtime serves in ~0.9 s instead of ~1.4 s, and reaches 6,000 submits/s in its
 * second second instead of its third. Without the cache, the runtime runs in this JVM's {@code
 * java}.
 */
public record RuntimeJvm(String java, List<String> options) {
  /**
   * The cache's file name beside the jar; the {@code java} that made it is in {@code <name>.java}.
   */
  public static final String CACHE = "jobs-runtime.aot";

  /**
   * JVM options of a runtime: the serial collector and a bounded heap keep its resident memory low
   * (the queue holds at most a window of invocations in memory). The heap starts at 96 MB with a 24
   * MB young generation: started at 16 MB, it grew only through full collections, each stopping
   * every request for 40 to 85 ms. Metaspace starts at 64 MB: at the default ~21 MB, the first
   * seconds under load ended in a full collection (~25 ms) to grow it. Untouched heap costs no
   * resident memory.
   */
  public static final List<String> OPTIONS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms96m",
          "-Xmn24m",
          "-Xmx192m",
          "-XX:MetaspaceSize=64m",
          "-XX:MaxMetaspaceSize=96m");

  /** This JVM's {@code java}, with {@link #OPTIONS}. */
  public static RuntimeJvm current() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new RuntimeJvm(java, options(Runtime.version().feature()));
  }

  /**
   * For a runtime run from {@code jar} (or a copy that keeps its name and time): the JDK and the
   * cache the build made for it, when both are there and the cache is not older than the jar; else
   * {@link #current()}. {@code JOBS_NO_AOT} or {@code JOBS_NO_CDS} set leaves the cache out, as
   * they do for the CLI's own commands.
   */
  public static RuntimeJvm forJar(Path jar) {
    return forJar(jar, System.getenv());
  }

  static RuntimeJvm forJar(Path jar, Map<String, String> env) {
    Path dir = jar.toAbsolutePath().getParent();
    if (dir == null
        || !env.getOrDefault("JOBS_NO_AOT", "").isEmpty()
        || !env.getOrDefault("JOBS_NO_CDS", "").isEmpty()) {
      return current();
    }
    Path cache = dir.resolve(CACHE);
    Path record = dir.resolve(CACHE + ".java");
    try {
      if (!Files.isRegularFile(cache)
          || !Files.isRegularFile(jar)
          || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) < 0
          || !Files.isRegularFile(record)) {
        return current();
      }
      Optional<String> java =
          Files.readString(record, StandardCharsets.UTF_8).lines().findFirst().map(String::strip);
      if (java.isEmpty() || !Files.isExecutable(Path.of(java.get()))) {
        return current();
      }
      List<String> options = new ArrayList<>(options(25));
      // Mapped where it was made (no relocation); a cache that does not map (another JDK update,
      // a jar built again without it) is skipped without a word: the runtime starts as without it.
      options.addAll(
          List.of(
              "-XX:+UnlockDiagnosticVMOptions",
              "-XX:ArchiveRelocationMode=0",
              "-XX:AOTCache=" + cache,
              "-Xlog:aot=off",
              "-Xlog:cds=off"));
      return new RuntimeJvm(java.get(), List.copyOf(options));
    } catch (IOException e) {
      return current();
    }
  }

  /**
   * {@link #OPTIONS} for a runtime in a JDK of this feature release: on 22 and newer, SQLite's
   * native library loads with a warning on the runtime's stderr unless native access is granted.
   */
  public static List<String> options(int feature) {
    if (feature < 22) {
      return OPTIONS;
    }
    List<String> all = new ArrayList<>(OPTIONS);
    all.add("--enable-native-access=ALL-UNNAMED");
    return List.copyOf(all);
  }
}
