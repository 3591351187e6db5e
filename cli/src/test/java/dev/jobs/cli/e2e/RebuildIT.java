package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.e2e.Shell.Run;
import dev.jobs.local.RuntimeFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start, then a source change: {@code ./jobs} rebuilds the jar, and the local runtime the
 * quick start left running goes on serving the next {@code jobs submit --wait}.
 *
 * <p>It runs the repository's launcher in a copy of the checkout's layout (the launcher, a pom, a
 * source, the built jar), with a {@code mvn} on the PATH that does what the real build does to the
 * jar: rewrites {@code cli/target/jobs.jar} in place with other bytes. A real Maven build here
 * would rebuild the jar under the running test suite.
 */
class RebuildIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** What a {@code jobs} process did. */
  @TempDir Path home;

  Path checkout;
  Path dataDir;

  @AfterEach
  void stopTheRuntime() throws Exception {
    if (dataDir == null) {
      return; // the test stopped before it chose a data dir: no runtime was started
    }
    if (Files.exists(dataDir.resolve(RuntimeFile.NAME))) {
      jobs("local", "stop");
    }
    Shell.runtimesOf(dataDir).forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void quickStart_thenASourceChange_rebuildsTheJar_andTheRunningRuntimeServesTheNextSubmit()
      throws Exception {
    checkout = checkoutWithTheBuiltJar();
    dataDir = home.resolve("local");
    Path jar = checkout.resolve("cli/target/jobs.jar");

    Run quickStart = jobs("submit", "--seconds", "2", "--wait");
    assertThat(quickStart.exitCode()).as(quickStart.err()).isZero();
    assertThat(quickStart.out()).contains("status     SUCCEEDED");
    assertThat(quickStart.err()).doesNotContain("rebuilding");
    assertThat(checkout.resolve("mvn.log")).doesNotExist();
    long pid = RuntimeFile.read(dataDir).orElseThrow().pid();

    Path source = checkout.resolve("cli/src/main/java/Changed.java");
    Files.writeString(source, "class Changed {}\n");
    Run next = jobs("submit", "--seconds", "1", "--wait");

    assertThat(next.err()).contains("jobs: rebuilding " + jar + " (cli/src/main/java");
    assertThat(Files.readString(checkout.resolve("mvn.log"))).contains("package -pl cli -am");
    assertThat(jar).hasSameBinaryContentAs(checkout.resolve("rebuilt.jar"));
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(next.out()).contains("status     SUCCEEDED");
    assertThat(next.err()).doesNotContain("started the local runtime");
    assertThat(RuntimeFile.read(dataDir).orElseThrow().pid()).isEqualTo(pid);
    List<String> runtimeArguments =
        ProcessHandle.of(pid).orElseThrow().info().arguments().map(List::of).orElseThrow();
    assertThat(String.join(" ", runtimeArguments)).doesNotContain(jar.toString());
    // A request of a kind the runtime had not served yet loads classes it had not loaded: from a
    // jar rewritten under it, this one failed ("Unexpected end of file from server").
    Run replays = jobs("replays", "list");
    assertThat(replays.exitCode()).as(replays.err()).isZero();
    Run status = jobs("local", "status");
    assertThat(status.exitCode()).as(status.err()).isZero();

    Run unchanged = jobs("--version");
    assertThat(unchanged.err()).doesNotContain("rebuilding");
  }

  /**
   * The launcher, a pom and a source older than the built jar, and a {@code mvn} that rewrites the
   * jar in place (as {@code cat} does, keeping the file) with the jar plus one entry in front.
   */
  private Path checkoutWithTheBuiltJar() throws IOException {
    Path checkout = Files.createDirectories(home.resolve("checkout"));
    Files.copy(ROOT.resolve("jobs"), checkout.resolve("jobs"));
    Path launcherDir = Files.createDirectories(checkout.resolve("cli/src/dist/bin"));
    Path launcher = launcherDir.resolve("jobs");
    Files.copy(ROOT.resolve("cli/src/dist/bin/jobs"), launcher);
    for (Path script : List.of(checkout.resolve("jobs"), launcher)) {
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }
    Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
    Path sources = Files.createDirectories(checkout.resolve("cli/src/main/java"));
    Files.writeString(sources.resolve("Jobs.java"), "class Jobs {}\n");
    Path target = Files.createDirectories(checkout.resolve("cli/target"));
    Path jar = target.resolve("jobs.jar");
    Files.copy(ROOT.resolve("cli/target/jobs.jar"), jar);
    // Built a minute ago, from sources of two minutes ago.
    long now = System.currentTimeMillis();
    for (Path source :
        List.of(
            checkout.resolve("pom.xml"),
            sources.resolve("Jobs.java"),
            launcher,
            launcherDir,
            checkout.resolve("cli/src/dist"),
            sources,
            checkout.resolve("cli/src/main"),
            checkout.resolve("cli/src"))) {
      Files.setLastModifiedTime(source, FileTime.fromMillis(now - 120_000));
    }
    Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 60_000));
    rebuilt(jar, checkout.resolve("rebuilt.jar"));
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path mvn =
        Files.writeString(
            bin.resolve("mvn"),
            "#!/bin/sh\n"
                + "echo \"$@\" >> '"
                + checkout.resolve("mvn.log")
                + "'\n"
                + "cat '"
                + checkout.resolve("rebuilt.jar")
                + "' > cli/target/jobs.jar\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwx------"));
    return checkout;
  }

  /** The jar with one more entry in front: every other entry moves, as after a real rebuild. */
  private static void rebuilt(Path jar, Path rebuilt) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rebuilt))) {
      out.putNextEntry(new ZipEntry("META-INF/rebuilt.txt"));
      out.write("rebuilt\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      byte[] buffer = new byte[1 << 16];
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        copy(in, out, buffer);
        out.closeEntry();
      }
    }
  }

  private static void copy(InputStream in, OutputStream out, byte[] buffer) throws IOException {
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      out.write(buffer, 0, read);
    }
  }

  private Run jobs(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(checkout.resolve("jobs").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    Map<String, String> environment = Shell.userEnvironment(builder, home);
    environment.put("PATH", home.resolve("bin") + ":" + environment.get("PATH"));
    environment.put("JOBS_LOCAL_DIR", dataDir.toString());
    // Never the default port: other builds on this machine may hold it.
    environment.put("JOBS_LOCAL_PORT", "0");
    return Shell.start(builder, home).finish();
  }
}
