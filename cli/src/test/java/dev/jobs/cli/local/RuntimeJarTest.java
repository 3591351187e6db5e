package dev.jobs.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detached runtime runs from its own copy of the jar, which a rebuild cannot rewrite. */
class RuntimeJarTest {
  @TempDir Path dir;

  @Test
  void aJar_isCopiedIntoTheDataDirectory_underItsContentsName_andReused() throws Exception {
    Path jar = Files.writeString(dir.resolve("jobs.jar"), "build 1");
    Path dataDir = dir.resolve("local");

    Path copy = Path.of(RuntimeJar.classPathFor(dataDir, jar.toString()));
    Path again = Path.of(RuntimeJar.classPathFor(dataDir, jar.toString()));

    assertThat(copy.getParent()).isEqualTo(dataDir.resolve(RuntimeJar.DIRECTORY));
    assertThat(copy).hasContent("build 1");
    assertThat(again).isEqualTo(copy);
  }

  @Test
  void aRebuiltJar_getsANewCopy_andTheOldOneIsRemoved_whileTheJarItselfIsLeftAlone()
      throws Exception {
    Path jar = Files.writeString(dir.resolve("jobs.jar"), "build 1");
    Path dataDir = dir.resolve("local");
    Path first = Path.of(RuntimeJar.classPathFor(dataDir, jar.toString()));

    Files.writeString(jar, "build 2");
    Path second = Path.of(RuntimeJar.classPathFor(dataDir, jar.toString()));

    assertThat(second).isNotEqualTo(first).hasContent("build 2");
    assertThat(first).doesNotExist();
    assertThat(jar).hasContent("build 2");
  }

  @Test
  void classDirectories_areUsedAsTheyAre() throws Exception {
    String classPath = dir.resolve("classes") + java.io.File.pathSeparator + dir.resolve("x.jar");

    assertThat(RuntimeJar.classPathFor(dir.resolve("local"), classPath)).isEqualTo(classPath);
  }
}
