package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./jobs} launcher runs the built jar with the class-data archive the build made, or,
 * when the build found a JDK 25 and made an AOT cache with it, with that JDK and that cache.
 */
class LauncherIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path JAR = ROOT.resolve("cli/target/jobs.jar");
  static final Path AOT = ROOT.resolve("cli/target/jobs.aot");

  static String classLoading(String... env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("jobs").toString(), "--version").redirectErrorStream(true);
    // The JVM's own version and the class loading: which JDK ran, and from where it loaded.
    builder.environment().put("JOBS_JAVA_OPTS", "-Xlog:class+load=info -XshowSettings:properties");
    for (int i = 0; i < env.length; i += 2) {
      builder.environment().put(env[i], env[i + 1]);
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(out).contains("jobs ");
    return out;
  }

  @Test
  void launcher_loadsTheCliFromTheArchive() throws Exception {
    assertThat(classLoading()).contains("dev.jobs.cli.app.Jobs source: shared objects file");
  }

  @Test
  void withoutTheAotCache_theBuildsJdkRunsWithTheClassDataArchive() throws Exception {
    String out = classLoading("JOBS_NO_AOT", "1");

    assertThat(out)
        .contains("java.home = " + Path.of(System.getProperty("java.home")).toRealPath())
        .contains("dev.jobs.cli.app.Jobs source: shared objects file");
  }

  @Test
  void withTheAotCache_theJdkThatMadeItRunsWithIt() throws Exception {
    Assumptions.assumeTrue(
        Files.isRegularFile(AOT),
        "no AOT cache: the build found no JDK 25 or newer (see AotCache), so only Java 17's"
            + " path runs");
    String java = Files.readString(Path.of(AOT + ".java")).strip();

    String out = classLoading();

    assertThat(out)
        .contains("java.home = " + java.substring(0, java.length() - "/bin/java".length()))
        .contains("dev.jobs.cli.app.Jobs source: shared objects file");
  }

  @Test
  void anAotCacheWhoseJdkIsGone_isLeftOut_forTheClassDataArchive(@TempDir Path dir)
      throws Exception {
    Path cache = dir.resolve("jobs.aot");
    Files.writeString(cache, "not a cache");
    Files.writeString(Path.of(cache + ".java"), dir.resolve("no-jdk/bin/java") + "\n");
    Files.setLastModifiedTime(cache, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

    String out = classLoading("JOBS_AOT", cache.toString());

    assertThat(out)
        .contains("java.home = " + Path.of(System.getProperty("java.home")).toRealPath())
        .contains("dev.jobs.cli.app.Jobs source: shared objects file");
  }

  @Test
  void launcher_leavesAStaleArchiveOut_andStillRuns() throws Exception {
    FileTime built = Files.getLastModifiedTime(JAR);
    try {
      Files.setLastModifiedTime(JAR, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

      String out = classLoading();

      assertThat(out).doesNotContain("dev.jobs.cli.app.Jobs source: shared objects file");
    } finally {
      Files.setLastModifiedTime(JAR, built);
    }
  }
}
