package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code ./jobs} launcher runs the built jar with the class-data archive the build made. */
class LauncherIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path JAR = ROOT.resolve("cli/target/jobs.jar");

  static String classLoading() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("jobs").toString(), "--version").redirectErrorStream(true);
    builder.environment().put("JOBS_JAVA_OPTS", "-Xlog:class+load=info");
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
