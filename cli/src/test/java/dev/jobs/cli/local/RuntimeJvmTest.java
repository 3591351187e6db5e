package dev.jobs.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime runs with the AOT cache the build made for its jar, in the JDK that made it, or plain.
 */
class RuntimeJvmTest {
  @TempDir Path dir;

  @Test
  void aCacheBesideTheJar_runsTheRuntimeInTheJdkThatMadeIt_withTheCache() throws Exception {
    Path jar = jar(1_000);
    Path java = java();
    cache(2_000, java.toString());

    RuntimeJvm jvm = RuntimeJvm.forJar(jar, Map.of());

    assertThat(jvm.java()).isEqualTo(java.toString());
    assertThat(jvm.options())
        .containsAll(RuntimeJvm.OPTIONS)
        .contains("-XX:AOTCache=" + dir.resolve(RuntimeJvm.CACHE))
        .contains("--enable-native-access=ALL-UNNAMED", "-Xlog:aot=off", "-Xlog:cds=off");
  }

  @Test
  void jobsNoAot_leavesTheCacheOut_asForTheCommands() throws Exception {
    Path jar = jar(1_000);
    cache(2_000, java().toString());

    assertThat(RuntimeJvm.forJar(jar, Map.of("JOBS_NO_AOT", "1"))).isEqualTo(RuntimeJvm.current());
    assertThat(RuntimeJvm.forJar(jar, Map.of("JOBS_NO_CDS", "1"))).isEqualTo(RuntimeJvm.current());
    assertThat(RuntimeJvm.forJar(jar, Map.of("JOBS_NO_AOT", "")))
        .isNotEqualTo(RuntimeJvm.current());
  }

  @Test
  void aCacheOlderThanTheJar_isLeftOut() throws Exception {
    Path jar = jar(2_000);
    cache(1_000, java().toString());

    assertThat(RuntimeJvm.forJar(jar, Map.of())).isEqualTo(RuntimeJvm.current());
  }

  @Test
  void aCacheWhoseJdkIsGone_isLeftOut() throws Exception {
    Path jar = jar(1_000);
    cache(2_000, dir.resolve("gone/bin/java").toString());

    assertThat(RuntimeJvm.forJar(jar, Map.of())).isEqualTo(RuntimeJvm.current());
  }

  @Test
  void noCache_runsTheRuntimeInThisJvmsJava_withTheRuntimesOptions() throws Exception {
    RuntimeJvm jvm = RuntimeJvm.forJar(jar(1_000), Map.of());

    assertThat(jvm).isEqualTo(RuntimeJvm.current());
    assertThat(jvm.java()).startsWith(System.getProperty("java.home"));
    assertThat(jvm.options()).containsAll(RuntimeJvm.OPTIONS).noneMatch(o -> o.contains("AOT"));
  }

  private Path jar(long millis) throws Exception {
    Path jar = Files.writeString(dir.resolve("jobs.jar"), "jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(millis));
    return jar;
  }

  private void cache(long millis, String java) throws Exception {
    Path cache = Files.writeString(dir.resolve(RuntimeJvm.CACHE), "cache");
    Files.setLastModifiedTime(cache, FileTime.fromMillis(millis));
    Files.writeString(dir.resolve(RuntimeJvm.CACHE + ".java"), java + "\n");
  }

  private Path java() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    return java;
  }
}
