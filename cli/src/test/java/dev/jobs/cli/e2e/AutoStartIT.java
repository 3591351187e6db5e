package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.e2e.Shell.Run;
import dev.jobs.cli.e2e.Shell.Running;
import dev.jobs.cli.local.RuntimeJvm;
import dev.jobs.cli.testing.Sigint;
import dev.jobs.local.RuntimeFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built CLI ({@code ./jobs}) with an empty data directory: the job commands start the local
 * runtime themselves, once, and only when they may.
 */
class AutoStartIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Pattern NOTICE =
      Pattern.compile(
          "jobs: started the local runtime at http://127\\.0\\.0\\.1:\\d+ \\(pid \\d+\\);"
              + " 'jobs local stop' ends it\n");

  /** What a {@code jobs} process did. */
  @TempDir Path home;

  Path dataDir;

  @BeforeEach
  void emptyDataDirectory() {
    dataDir = home.resolve("local");
    assertThat(dataDir).doesNotExist();
  }

  @AfterEach
  void stopTheRuntime() throws Exception {
    if (Files.exists(dataDir.resolve(RuntimeFile.NAME))) {
      Run stopped = jobs(Map.of(), "local", "stop");
      assertThat(stopped.exitCode()).as(stopped.err()).isZero();
    }
    // Whatever a failed test left: runtimes of this data directory, by their pid.
    runtimesOfThisDataDir().forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void submitWait_withNoRuntime_startsOne_andRunsTheJob() throws Exception {
    Run run = jobs(Map.of(), "submit", "--seconds", "1", "--wait");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("status     SUCCEEDED").contains("I slept for 1 seconds");
    assertThat(run.err()).containsPattern(NOTICE).contains("submitted job ");
    RuntimeFile runtime = RuntimeFile.read(dataDir).orElseThrow();
    assertThat(runtime.isAlive()).isTrue();
    assertThat(run.err()).contains(runtime.endpoint() + " (pid " + runtime.pid() + ")");
    assertThat(runtime.endpoint()).doesNotEndWith(":4599");
  }

  @Test
  void nextCommand_usesTheStartedRuntime_silently() throws Exception {
    Run submitted = jobs(Map.of(), "submit", "--seconds", "1");
    long pid = RuntimeFile.read(dataDir).orElseThrow().pid();

    Run waited = jobs(Map.of(), "wait", submitted.out().strip());

    assertThat(waited.exitCode()).as(waited.err()).isZero();
    assertThat(waited.err()).doesNotContain("started the local runtime");
    assertThat(RuntimeFile.read(dataDir).orElseThrow().pid()).isEqualTo(pid);
  }

  @Test
  void quiet_startsTheRuntime_withoutTheNotice() throws Exception {
    Run run = jobs(Map.of(), "submit", "--seconds", "1", "--quiet");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isNotBlank();
    assertThat(RuntimeFile.read(dataDir).orElseThrow().isAlive()).isTrue();
  }

  @Test
  void autostartOff_keepsTheOneLineError_andStartsNothing() throws Exception {
    Run run = jobs(Map.of("JOBS_LOCAL_AUTOSTART", "0"), "submit", "--seconds", "1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .isEqualTo(
            "jobs: the local runtime is not running (no "
                + dataDir.resolve("runtime.json")
                + "); start it with: jobs local start\n");
    assertThat(dataDir).doesNotExist();
  }

  @Test
  void explicitApiUrl_startsNothing() throws Exception {
    Run run = jobs(Map.of(), "get", "any-job", "--api-url", "http://127.0.0.1:9/prod");

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).contains("the local runtime is not running");
    assertThat(dataDir).doesNotExist();
  }

  @Test
  void twoCommandsAtOnce_startOneRuntime() throws Exception {
    Running first = start(Map.of(), "submit", "--seconds", "1", "--wait");
    Running second = start(Map.of(), "submit", "--seconds", "1", "--wait");

    Run one = first.finish();
    Run two = second.finish();

    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(two.exitCode()).as(two.err()).isZero();
    assertThat(NOTICE.matcher(one.err() + two.err()).results().count()).isEqualTo(1);
    assertThat(runtimesOfThisDataDir()).hasSize(1);
    assertThat(Files.readString(dataDir.resolve("runtime.log")))
        .containsOnlyOnce("jobs local runtime ready");
  }

  @Test
  void localStart_takesItsPortFromJobsLocalPort() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    Run run = jobs(Map.of("JOBS_LOCAL_PORT", "" + port), "local", "start", "--detach");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(RuntimeFile.read(dataDir).orElseThrow().endpoint())
        .isEqualTo("http://127.0.0.1:" + port);
    assertThat(run.out())
        .contains("`jobs submit` and the other commands use it through the `local` target.");
  }

  @Test
  void localStart_withAnotherDataDir_printsHowToUseIt_andTheJobCommandsThenDo() throws Exception {
    Path other = home.resolve("other data");
    Map<String, String> following = new java.util.HashMap<>();
    try {
      Run started =
          jobs(
              Map.of(),
              "local",
              "start",
              "--detach",
              "--port",
              "" + freePort(),
              "--data-dir",
              other.toString());
      assertThat(started.exitCode()).as(started.err()).isZero();
      assertThat(started.out()).doesNotContain("use it through the `local` target");
      var export =
          Pattern.compile("first run: export JOBS_LOCAL_DIR='([^']+)'\n").matcher(started.out());
      assertThat(export.find()).as(started.out()).isTrue();
      following.put("JOBS_LOCAL_DIR", export.group(1));
      long pid = RuntimeFile.read(other).orElseThrow().pid();

      Run submitted = jobs(following, "submit", "--seconds", "1", "--wait");

      assertThat(submitted.exitCode()).as(submitted.err()).isZero();
      assertThat(submitted.err()).doesNotContain("started the local runtime");
      assertThat(RuntimeFile.read(other).orElseThrow().pid()).isEqualTo(pid);
      assertThat(dataDir).doesNotExist();
    } finally {
      if (!following.isEmpty()) {
        jobs(following, "local", "stop");
      }
      Shell.runtimesOf(other).forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void ctrlC_onTheCommand_leavesTheRuntimeItStartedRunning() throws Exception {
    Path setsid = Path.of("/usr/bin/setsid");
    Assumptions.assumeTrue(Files.isExecutable(setsid), "needs setsid for a process group");
    Sigint.requireDelivered();
    // In its own session, as a terminal's foreground job: Ctrl-C signals the whole group.
    Running submit =
        startVia(List.of(setsid.toString()), Map.of(), "submit", "--seconds", "3", "--wait");
    String id = submittedId(submit);
    long pid = RuntimeFile.read(dataDir).orElseThrow().pid();

    new ProcessBuilder("kill", "-INT", "--", "-" + submit.process().pid()).start().waitFor();

    assertThat(submit.finish().exitCode()).isEqualTo(ExitCode.INTERRUPTED);
    Run waited = jobs(Map.of(), "wait", id);
    assertThat(waited.exitCode()).as(waited.err()).isZero();
    assertThat(waited.err()).doesNotContain("started the local runtime");
    assertThat(RuntimeFile.read(dataDir).orElseThrow().pid()).isEqualTo(pid);
  }

  @Test
  void javaDashJar_startsTheRuntimeFromTheJar() throws Exception {
    // As 'java -jar cli/target/jobs.jar' would run, with the jar's path relative.
    String jar = home.relativize(ROOT.resolve("cli/target/jobs.jar")).toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Run run =
        command(Map.of(), List.of(java, "-jar", jar, "submit", "--seconds", "1", "--wait"))
            .finish();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("status     SUCCEEDED");
    assertThat(run.err()).containsPattern(NOTICE);
  }

  @Test
  void theStartedRuntime_mapsTheRuntimesAotCache_inTheJdkThatMadeIt() throws Exception {
    Path cache = runtimeCache();
    Run run = jobs(Map.of(), "submit", "--seconds", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();

    long pid = RuntimeFile.read(dataDir).orElseThrow().pid();
    assertThat(Files.readString(Path.of("/proc/" + pid + "/maps")))
        .as("the runtime's mapped files")
        .contains(cache.toRealPath().toString());
    String java = Files.readString(Path.of(cache + ".java")).strip();
    assertThat(Path.of("/proc/" + pid + "/exe").toRealPath()).isEqualTo(Path.of(java).toRealPath());
  }

  @Test
  void localStart_inTheForeground_mapsTheRuntimesAotCache_too() throws Exception {
    Path cache = runtimeCache();
    Running foreground = start(Map.of(), "local", "start");
    try {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (RuntimeFile.read(dataDir).isEmpty() && System.nanoTime() < until) {
        assertThat(foreground.process().isAlive()).as("the runtime runs").isTrue();
        Thread.sleep(50);
      }
      long pid = RuntimeFile.read(dataDir).orElseThrow().pid();
      assertThat(Files.readString(Path.of("/proc/" + pid + "/maps")))
          .as("the runtime's mapped files")
          .contains(cache.toRealPath().toString());
      assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline")).split("\0"))
          .as("the runtime's command line: the launcher's options are RuntimeJvm's")
          .contains(home.resolve(".jobs/jar/foreground/jobs.jar").toString())
          .contains(RuntimeJvm.OPTIONS.toArray(String[]::new));
    } finally {
      foreground.process().destroy();
      foreground.process().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The runtime's AOT cache the build made; the test is skipped, saying why, without one. */
  private static Path runtimeCache() {
    Path cache = ROOT.resolve("cli/target/" + RuntimeJvm.CACHE);
    Assumptions.assumeTrue(
        Files.isRegularFile(cache),
        "no runtime AOT cache: the build found no JDK 25 or newer (see AotCache), so the runtime"
            + " runs without one");
    return cache;
  }

  /** The id a {@code submit --wait} printed on stderr, once it did. */
  private static String submittedId(Running submit) throws Exception {
    Pattern submitted = Pattern.compile("submitted job (\\S+)\n");
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      var matcher = submitted.matcher(Files.readString(submit.err()));
      if (matcher.find()) {
        return matcher.group(1);
      }
      assertThat(submit.process().isAlive()).as("submit runs").isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("submit printed no id within 60 s");
  }

  /** The local runtimes started for this test's data directory, found by their command line. */
  private List<ProcessHandle> runtimesOfThisDataDir() {
    return Shell.runtimesOf(dataDir);
  }

  private Run jobs(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return start(env, args).finish();
  }

  private Running start(Map<String, String> env, String... args) throws IOException {
    return startVia(List.of(), env, args);
  }

  /** {@code LAUNCHER... jobs ARGS...}. */
  private Running startVia(List<String> launcher, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.add(ROOT.resolve("jobs").toString());
    command.addAll(List.of(args));
    return command(env, command);
  }

  /** A command line in the test's home, with the test's variables. */
  private Running command(Map<String, String> env, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    Map<String, String> environment = Shell.userEnvironment(builder, home);
    environment.put("JOBS_CONFIG", home.resolve("config.json").toString());
    environment.put("JOBS_LOCAL_DIR", dataDir.toString());
    // Never the default port: other builds on this machine may hold it.
    environment.put("JOBS_LOCAL_PORT", "0");
    environment.putAll(env);
    return Shell.start(builder, home);
  }
}
