package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.kind.JobKinds;
import dev.jobs.kind.JobKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KindJarsTest {
  @TempDir Path directory;

  @Test
  void load_servesTheJarsKindsBesideTheBuiltInOnes_fromTheirOwnClassLoader() throws Exception {
    Path jar = echoJar("echo.jar", "EchoJob", "echo");

    JobKinds kinds = KindJars.load(List.of(jar));

    assertThat(kinds.names()).contains("sleep", "flaky", "echo");
    assertThat(kinds.names().indexOf("echo")).isEqualTo(kinds.names().size() - 1);
    JobKind echo = kinds.find("echo").orElseThrow();
    assertThat(echo.getClass().getClassLoader()).isNotSameAs(KindJars.class.getClassLoader());
    assertThat(echo.getClass().getClassLoader().getParent())
        .isSameAs(KindJars.class.getClassLoader());
  }

  @Test
  void load_withoutJars_servesTheBuiltInKinds() {
    assertThat(KindJars.load(List.of()).names()).isEqualTo(JobKinds.load().names());
  }

  @Test
  void load_ofAMissingJar_failsNamingIt() {
    Path missing = directory.resolve("missing.jar");

    assertThatThrownBy(() -> KindJars.load(List.of(missing)))
        .isInstanceOf(KindJars.KindJarException.class)
        .hasMessage("job kinds from " + missing + ": no such file");
  }

  @Test
  void load_ofAFileThatIsNoJar_failsNamingIt() throws Exception {
    Path text = Files.writeString(directory.resolve("notes.jar"), "not a zip");

    assertThatThrownBy(() -> KindJars.load(List.of(text)))
        .hasMessageStartingWith("job kinds from " + text + ": not a readable jar (");
  }

  @Test
  void load_ofAJarWithoutServiceFile_failsSayingSo() throws Exception {
    Path jar = KindJarFixture.jar(directory, "bare.jar", null);

    assertRefused(
        List.of(jar), jar, "it lists no job kind in META-INF/services/dev.jobs.kind.JobKind");
  }

  @Test
  void load_ofAListedClassTheJarLacks_failsNamingJarAndClass() throws Exception {
    Path jar = KindJarFixture.jar(directory, "lacking.jar", List.of("kinds.Missing"));

    assertThatThrownBy(() -> KindJars.load(List.of(jar)))
        .hasMessageStartingWith(
            "job kinds from " + jar + ": class kinds.Missing cannot be loaded (");
  }

  @Test
  void load_ofAClassThatFailsToConstruct_failsNamingJarClassAndCause() throws Exception {
    String broken =
        """
        package kinds;

        public final class BrokenJob implements dev.jobs.kind.JobKind {
          public BrokenJob() { throw new IllegalStateException("no configuration"); }
          public String name() { return "broken"; }
          public java.util.Set<String> parameterNames() { return java.util.Set.of(); }
          public void validate(tools.jackson.databind.node.ObjectNode parameters) {}
          public tools.jackson.databind.JsonNode run(
              tools.jackson.databind.node.ObjectNode parameters, dev.jobs.kind.JobContext context) {
            return null;
          }
        }
        """;
    Path jar = KindJarFixture.jar(directory, "broken.jar", List.of("kinds.BrokenJob"), broken);

    assertRefused(
        List.of(jar),
        jar,
        "class kinds.BrokenJob failed to construct"
            + " (java.lang.IllegalStateException: no configuration)");
  }

  @Test
  void load_ofAClassThatIsNoJobKind_failsNamingIt() throws Exception {
    String plain =
        """
        package kinds;

        public final class PlainJob {}
        """;
    Path jar = KindJarFixture.jar(directory, "plain.jar", List.of("kinds.PlainJob"), plain);

    assertRefused(
        List.of(jar), jar, "class kinds.PlainJob does not implement dev.jobs.kind.JobKind");
  }

  @Test
  void load_ofAKindNamedAsABuiltInOne_failsNamingBoth() throws Exception {
    Path jar = echoJar("sleepy.jar", "MySleepJob", "sleep");

    assertRefused(
        List.of(jar),
        jar,
        "class kinds.MySleepJob its kind 'sleep' clashes with the built-in"
            + " dev.jobs.backend.kind.SleepJob");
  }

  @Test
  void load_ofTwoJarsWithKindsOfOneName_failsNamingBothJars() throws Exception {
    Path first = echoJar("first.jar", "FirstJob", "echo");
    Path second = echoJar("second.jar", "SecondJob", "echo");

    assertRefused(
        List.of(first, second),
        second,
        "class kinds.SecondJob its kind 'echo' clashes with " + first + " (kinds.FirstJob)");
  }

  @Test
  void load_ofAKindWhoseNameIsNoJobType_failsNamingIt() throws Exception {
    Path jar = echoJar("loud.jar", "LoudJob", "Loud Job");

    assertRefused(
        List.of(jar),
        jar,
        "class kinds.LoudJob is named 'Loud Job', which is no job type: a-z first,"
            + " then up to 63 of a-z, 0-9 and '-'");
  }

  /** A jar in the test's directory serving one echoing kind, {@code kinds.<className>}. */
  private Path echoJar(String file, String className, String kind) throws Exception {
    return KindJarFixture.echoJar(directory, file, className, kind);
  }

  /** Asserts that loading the jars fails, blaming the jar {@code blamed} for {@code reason}. */
  private static void assertRefused(List<Path> jars, Path blamed, String reason) {
    assertThatThrownBy(() -> KindJars.load(jars))
        .hasMessage("job kinds from " + blamed + ": " + reason);
  }
}
