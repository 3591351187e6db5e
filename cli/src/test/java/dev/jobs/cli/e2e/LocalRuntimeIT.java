package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.e2e.Shell.Run;
import dev.jobs.cli.testing.Sigint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The built CLI ({@code ./jobs}, so {@code cli/target/jobs.jar} and its archive) against the local
 * runtime, started with {@code jobs local start --detach} in a temporary data directory.
 */
class LocalRuntimeIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** What a {@code jobs} process did. */
  @TempDir static Path home;

  @BeforeAll
  static void startLocalRuntime() throws Exception {
    Assumptions.assumeTrue(
        hasLocalRuntime(), "the local runtime (dev.jobs.cli.local) is not in this build");
    Run started =
        jobs(
            Map.of(),
            "local",
            "start",
            "--port",
            "0",
            "--detach",
            "--timeout",
            "3",
            "--retry-attempts",
            "0");
    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(home.resolve("local/runtime.json")).exists();
  }

  @AfterAll
  static void stopLocalRuntime() throws Exception {
    if (hasLocalRuntime() && Files.exists(home.resolve("local/runtime.json"))) {
      jobs(Map.of(), "local", "stop");
    }
  }

  static boolean hasLocalRuntime() {
    try {
      Class.forName("dev.jobs.cli.command.local.LocalCommand");
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  static Run jobs(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return jobsIn(home, env, args);
  }

  /**
   * The built launcher in {@code home}, with that home and its data dir and nothing else of ours.
   */
  static Run jobsIn(Path home, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("jobs").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    Map<String, String> environment = Shell.userEnvironment(builder, home);
    environment.put("JOBS_LOCAL_DIR", home.resolve("local").toString());
    environment.putAll(env);
    return Shell.start(builder, home).finish(Duration.ofSeconds(120), "jobs " + command);
  }

  @Test
  void submitAndWait_succeeds() throws Exception {
    Run run = jobs(Map.of(), "submit", "--seconds", "1", "--wait");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("status     SUCCEEDED").contains("I slept for 1 seconds");
  }

  @Test
  void jsonOutput_isParsable_andGetAgreesWithSubmit() throws Exception {
    Run submitted = jobs(Map.of(), "submit", "--seconds", "1", "--output", "json");
    String id = Json.parse(submitted.out()).asObject().get("id").asString();
    Run waited = jobs(Map.of(), "wait", id, "--output", "json");
    Run got = jobs(Map.of(), "get", id, "--output", "json");

    assertThat(waited.exitCode()).as(waited.err()).isZero();
    Map<String, JsonNode> job = Json.parse(got.out()).asObject();
    assertThat(job.get("id").asString()).isEqualTo(id);
    assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("attempts").asNumber()).isEqualTo("1");
  }

  @Test
  void failingJob_exits3() throws Exception {
    // The runtime's function times out after 3 s: a 10 s sleep job fails.
    Run run = jobs(Map.of(), "submit", "--seconds", "10", "--wait");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(run.out()).contains("status     FAILED").contains("error ");
  }

  @Test
  void interruptedWait_exits130_sayingHowToResume() throws Exception {
    Sigint.requireDelivered();
    // An id never submitted counts as queued for the grace period (2 minutes): a long wait.
    String id = "not-submitted-yet";
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("jobs").toString(), "wait", id).directory(home.toFile());
    builder.environment().keySet().removeIf(n -> n.startsWith("AWS_") || n.startsWith("JOBS_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().put("JOBS_LOCAL_DIR", home.resolve("local").toString());
    Path err = Files.createTempFile(home, "err", ".txt");
    Process wait = builder.redirectError(err.toFile()).start();
    // Long enough for the JVM to be polling; the script execs java, so this pid is the JVM's.
    Thread.sleep(2_000);
    new ProcessBuilder("kill", "-INT", Long.toString(wait.pid())).start().waitFor();

    assertThat(wait.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(wait.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(Files.readString(err))
        .contains("job " + id + " goes on. Resume with: jobs wait " + id);
  }

  @Test
  void unknownId_exits6() throws Exception {
    Run run = jobs(Map.of(), "get", "no-such-job");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(run.err()).isEqualTo("jobs: job no-such-job not found\n");
  }

  @Test
  void wrongCredentials_exit5WithOneLine() throws Exception {
    Path credentials =
        Files.writeString(
            home.resolve("wrong-credentials"),
            "[wrong]\naws_access_key_id = wrong\naws_secret_access_key = wrong\n");

    Run run =
        jobs(
            Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString()),
            "get",
            "any-job",
            "--profile",
            "wrong");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
    assertThat(run.err()).contains("profile 'wrong'").contains("JobsAPIInvokeRole");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void replay_reachesAFinalState() throws Exception {
    // A window before this runtime started: no failures in it, whichever tests ran first.
    Run run =
        jobs(Map.of(), "replay", "--since", "3h", "--until", "2h", "--name", "it-replay", "--wait");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo("replay it-replay COMPLETED\nre-driven 0: SUCCEEDED 0, FAILED again 0\n");
    Run listed = jobs(Map.of(), "replays", "list", "--output", "json");
    assertThat(Json.parse(listed.out()).asArray())
        .anySatisfy(r -> assertThat(r.asObject().get("name").asString()).isEqualTo("it-replay"));
  }
}
