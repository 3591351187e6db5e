package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.e2e.Shell.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job kind of the user's own, as the README tells it: {@code jobs init kind}, {@code mvn package}
 * of the generated project, {@code jobs local start --kinds} on its jar, and jobs of that kind
 * through the built CLI.
 *
 * <p>The generated build finds {@code jobs-kind-api} in a local repository of its own, made of
 * links to the shared one plus this build's kind-api jar and poms: offline, and without installing
 * anything into the shared repository.
 */
class KindProjectIT {
  static final Path ROOT = LocalRuntimeIT.ROOT;

  @TempDir Path home;

  @AfterEach
  void stopTheRuntime() throws Exception {
    if (Files.exists(home.resolve("local/runtime.json"))) {
      jobs("local", "stop");
    }
  }

  private Run jobs(String... args) throws IOException, InterruptedException {
    return LocalRuntimeIT.jobsIn(home, Map.of(), args);
  }

  @Test
  void initKind_buildsWithMaven_andItsJobsRunOnTheLocalRuntime() throws Exception {
    Path project = home.resolve("word-count");
    Run init = jobs("init", "kind", "word-count", "--dir", project.toString());
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.out()).contains("wrote job kind 'word-count' (kinds.wordcount.WordCountJob)");
    assertThat(project.resolve("src/main/resources/META-INF/services/dev.jobs.kind.JobKind"))
        .hasContent("kinds.wordcount.WordCountJob");

    Run build = maven(project, localRepository(), "-o", "-B", "package");
    assertThat(build.exitCode()).as(build.out()).isZero();
    assertThat(build.out()).contains("Tests run: 4, Failures: 0, Errors: 0");
    Path jar = project.resolve("target/word-count.jar");
    assertThat(jar).isRegularFile();

    Run started = jobs("local", "start", "--port", "0", "--detach", "--kinds", jar.toString());
    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(started.out()).contains("job kinds:         sleep, flaky, word-count");
    Run status = jobs("local", "status");
    assertThat(status.out()).contains("job kinds:     sleep, flaky, word-count");

    Run counted =
        jobs("submit", "--type", "word-count", "--param", "text=to be or not to be", "--wait");
    assertThat(counted.exitCode()).as(counted.err()).isZero();
    assertThat(counted.out()).contains("status     SUCCEEDED").contains("\"words\":6");

    Run empty = jobs("submit", "--type", "word-count", "--param", "text= ", "--wait");
    assertThat(empty.exitCode()).as(empty.out() + empty.err()).isEqualTo(ExitCode.JOB_FAILED);
    assertThat(empty.out())
        .contains("status     FAILED")
        .contains("nothing to count: the text has no words");

    Run unknown = jobs("submit", "--type", "paint");
    assertThat(unknown.exitCode()).as(unknown.out()).isNotZero();
    assertThat(unknown.err()).contains("(job types: sleep, flaky, word-count)");

    // Stopped, the runtime is started again by a job command: with the kinds it had.
    assertThat(jobs("local", "stop").exitCode()).isZero();
    Run again = jobs("submit", "--type", "word-count", "--param", "text=again", "--wait");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("\"words\":1");
  }

  @Test
  void localStart_withAJarThatCannotBeLoaded_failsInOneLineNamingIt() throws Exception {
    Path notAJar = Files.writeString(home.resolve("notes.jar"), "not a zip");

    Run started = jobs("local", "start", "--port", "0", "--kinds", notAJar.toString());

    assertThat(started.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(started.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith(
            "jobs: could not start the local runtime: job kinds from "
                + notAJar
                + ": not a readable jar");
    assertThat(home.resolve("local/kind-jars")).doesNotExist();
  }

  /**
   * A local repository for the generated build: a link to each group of the shared one, and {@code
   * dev/jobs} of its own with this build's {@code jobs-kind-api} and the parent pom it names.
   */
  private Path localRepository() throws IOException {
    Path shared =
        Path.of(
            System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    Path repository = home.resolve("m2");
    link(shared, repository, "dev");
    link(shared.resolve("dev"), repository.resolve("dev"), "jobs");
    String version = toolkitVersion();
    Path api = repository.resolve("dev/jobs/jobs-kind-api/" + version);
    Files.createDirectories(api);
    Files.copy(
        ROOT.resolve("kind-api/target/jobs-kind-api-" + version + ".jar"),
        api.resolve("jobs-kind-api-" + version + ".jar"));
    Files.copy(ROOT.resolve("kind-api/pom.xml"), api.resolve("jobs-kind-api-" + version + ".pom"));
    Path parent = repository.resolve("dev/jobs/jobs-parent/" + version);
    Files.createDirectories(parent);
    Files.copy(ROOT.resolve("pom.xml"), parent.resolve("jobs-parent-" + version + ".pom"));
    return repository;
  }

  /** Links every entry of {@code from} into {@code to}, except {@code own}. */
  private static void link(Path from, Path to, String own) throws IOException {
    Files.createDirectories(to.resolve(own));
    if (!Files.isDirectory(from)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
      for (Path entry : entries) {
        String name = String.valueOf(entry.getFileName());
        if (!name.equals(own)) {
          Files.createSymbolicLink(to.resolve(name), entry);
        }
      }
    }
  }

  private static String toolkitVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        KindProjectIT.class.getResourceAsStream("/dev/jobs/cli/command/init/toolkit.properties")) {
      properties.load(in);
    }
    return properties.getProperty("jobs.version");
  }

  private Run maven(Path project, Path repository, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(List.of("mvn", "-Dmaven.repo.local=" + repository));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    builder.environment().put("HOME", home.toString());
    builder.environment().remove("MAVEN_OPTS");
    Path out = Files.createTempFile(home, "mvn", ".txt");
    Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("mvn %s finished", command).isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), "");
  }
}
