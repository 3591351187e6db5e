package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.docs.MarkdownLinks;
import dev.jobs.cli.e2e.Shell.Run;
import dev.jobs.local.RuntimeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive that {@code mvn package} builds, unpacked into an empty directory and run
 * with a fresh HOME and nothing but a JRE and the archive: no checkout, no Maven.
 */
class ReleaseArchiveIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** What a {@code jobs} process did. */
  @TempDir Path unpacked;

  @TempDir Path home;
  Path install;

  @BeforeEach
  void unpack() throws Exception {
    Path archive;
    try (var archives = Files.newDirectoryStream(ROOT.resolve("cli/target"), "jobs-*.tar.gz")) {
      List<Path> found = new ArrayList<>();
      archives.forEach(found::add);
      assertThat(found).as("the release archive in cli/target").hasSize(1);
      archive = found.get(0);
    }
    String name = archive.toFile().getName();
    Process tar =
        new ProcessBuilder("tar", "xzf", archive.toString(), "-C", unpacked.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).as(out).isZero();
    install = unpacked.resolve(name.substring(0, name.length() - ".tar.gz".length()));
  }

  @AfterEach
  void stopTheRuntime() throws Exception {
    Path dataDir = home.resolve(".jobs/local");
    if (Files.exists(dataDir.resolve(RuntimeFile.NAME))) {
      jobs("local", "stop");
    }
    Shell.runtimesOf(dataDir).forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void archive_holdsTheLauncherTheJarTheCompletionsAndTheReadme() {
    assertThat(install.resolve("bin/jobs")).isExecutable();
    assertThat(install.resolve("lib/jobs.jar")).isRegularFile();
    // The launcher's own answers to --version and --help (LauncherIT checks they are the JVM's).
    assertThat(install.resolve("lib/jobs.version")).isRegularFile();
    assertThat(install.resolve("lib/jobs.usage.txt")).isRegularFile();
    assertThat(install.resolve("lib/jobs.usage.ansi.txt")).isRegularFile();
    assertThat(install.resolve("completion/jobs.bash")).isRegularFile();
    assertThat(install.resolve("completion/_jobs")).isRegularFile();
    assertThat(install.resolve("README.md")).isRegularFile();
  }

  @Test
  void archive_holdsTheDocsBesideTheReadme_soThatItsLinksResolve() throws IOException {
    Path docs = ROOT.resolve("docs");
    try (Stream<Path> files = Files.walk(docs)) {
      assertThat(files.filter(Files::isRegularFile))
          .allSatisfy(
              file ->
                  assertThat(install.resolve("docs").resolve(docs.relativize(file).toString()))
                      .isRegularFile());
    }
    assertThat(MarkdownLinks.broken(install, install.resolve("README.md"))).isEmpty();
  }

  @Test
  void unpacked_withAFreshHome_runsAJobEndToEnd() throws Exception {
    Run run = jobs("submit", "--seconds", "1", "--wait");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("status     SUCCEEDED").contains("I slept for 1 seconds");
    assertThat(run.err()).contains("started the local runtime");
    assertThat(RuntimeFile.read(home.resolve(".jobs/local")).orElseThrow().isAlive()).isTrue();
  }

  @Test
  void aClassDataArchiveMadeForAnotherJar_isLeftOutSilently() throws Exception {
    // The build's archive is pinned to cli/target/jobs.jar: it cannot map for lib/jobs.jar.
    Path foreign = install.resolve("lib/jobs.jsa");
    Files.copy(ROOT.resolve("cli/target/jobs.jsa"), foreign);
    Files.setLastModifiedTime(foreign, FileTime.fromMillis(System.currentTimeMillis()));

    Run run = jobs("--version");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("jobs ");
    assertThat(run.err()).isEmpty();
  }

  /** {@code bin/jobs ARGS...} from the home directory, with only the system's PATH and a JRE. */
  private Run jobs(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(install.resolve("bin/jobs").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", "/usr/bin:/bin");
    environment.put("HOME", home.toString());
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    // Never the default port: other builds on this machine may hold it.
    environment.put("JOBS_LOCAL_PORT", "0");
    return Shell.start(builder, unpacked).finish();
  }
}
