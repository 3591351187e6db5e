package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code ./jobs} launcher runs the built jar with the class-data archive the build made, or,
 * when the build found a JDK 25 and made an AOT cache with it, with that JDK and that cache; and it
 * answers {@code --version} and {@code --help} itself, from what the build wrote beside the jar.
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

  /**
   * A PATH with the tools the launchers use but no {@code java}, and no JAVA_HOME, plus {@code
   * more}: a command that needs a JVM fails there with the launcher's one line.
   */
  static Map<String, String> withoutJava(Path dir, Map<String, String> more) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : List.of("bash", "env", "dirname", "readlink", "find", "cat")) {
      Path found = null;
      for (String entry : System.getenv("PATH").split(":")) {
        Path candidate = Path.of(entry, tool);
        if (found == null && Files.isExecutable(candidate)) {
          found = candidate.toRealPath();
        }
      }
      assertThat(found).as(tool + " on the PATH").isNotNull();
      Files.createSymbolicLink(bin.resolve(tool), found);
    }
    Map<String, String> env = new HashMap<>(more);
    env.put("PATH", bin.toString());
    env.put("JAVA_HOME", dir.resolve("no-jdk").toString());
    return env;
  }

  /** {@code command} with {@code env} and none of the caller's colour or JVM settings. */
  static Shell.Run run(Path dir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeAll(List.of("JOBS_JAVA_OPTS", "NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR"));
    builder.environment().putAll(env);
    return Shell.start(builder, dir).finish();
  }

  @ParameterizedTest(name = "jobs {0} with {1}={2}")
  @CsvSource({
    "--version, X, 1",
    "-V, X, 1",
    "--help, X, 1",
    "-h, X, 1",
    "help, X, 1",
    "--help, CLICOLOR_FORCE, 1",
    "--help, CLICOLOR_FORCE, 0",
    "--help, NO_COLOR, 1",
  })
  void versionAndHelp_areTheJvmsAnswers_withoutAJvm(
      String arg, String variable, String value, @TempDir Path dir) throws Exception {
    Map<String, String> colour = Map.of(variable, value);
    Shell.Run jvm =
        run(
            dir,
            colour,
            Path.of(System.getProperty("java.home"), "bin/java").toString(),
            "-jar",
            JAR.toString(),
            arg);

    Shell.Run launcher = run(dir, withoutJava(dir, colour), ROOT.resolve("jobs").toString(), arg);

    assertThat(jvm.exitCode()).as(jvm.err()).isZero();
    assertThat(launcher.exitCode()).as(launcher.err()).isZero();
    assertThat(launcher.out()).isEqualTo(jvm.out()).isNotBlank();
    assertThat(launcher.err()).isEmpty();
  }

  @Test
  void withCLICOLOR_FORCE_theHelpIsColoured_asPicocliColoursIt(@TempDir Path dir) throws Exception {
    Map<String, String> env = withoutJava(dir, Map.of("CLICOLOR_FORCE", "1"));

    assertThat(run(dir, env, ROOT.resolve("jobs").toString(), "--help").out()).contains("\u001b[");
  }

  @Test
  void answersOlderThanTheJar_areNotUsed_theJvmIsNeeded(@TempDir Path dir) throws Exception {
    FileTime built = Files.getLastModifiedTime(JAR);
    try {
      Files.setLastModifiedTime(JAR, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

      Shell.Run run =
          run(dir, withoutJava(dir, Map.of()), ROOT.resolve("jobs").toString(), "--version");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("jobs: needs a Java 17 or newer runtime");
    } finally {
      Files.setLastModifiedTime(JAR, built);
    }
  }
}
