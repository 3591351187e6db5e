package dev.jobs.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

    assertThat(copy.getParent().getParent()).isEqualTo(dataDir.resolve(RuntimeJar.DIRECTORY));
    assertThat(copy.getFileName()).isEqualTo(jar.getFileName());
    assertThat(copy).hasContent("build 1");
    assertThat(again).isEqualTo(copy);
  }

  @Test
  void theCopy_keepsTheJarsModificationTime_whichTheRuntimesAotCacheChecks() throws Exception {
    Path jar = Files.writeString(dir.resolve("jobs.jar"), "build 1");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
    Path dataDir = dir.resolve("local");
    Path copy = Path.of(RuntimeJar.classPathFor(dataDir, jar.toString()));

    // The same bytes built again: a new time, the same copy, which takes the new time.
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_800_000_000_000L));
    Path again = Path.of(RuntimeJar.classPathFor(dataDir, jar.toString()));

    assertThat(again).isEqualTo(copy);
    assertThat(Files.getLastModifiedTime(again)).isEqualTo(FileTime.fromMillis(1_800_000_000_000L));
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
    assertThat(first.getParent()).doesNotExist();
    assertThat(jar).hasContent("build 2");
  }

  @Test
  void classDirectories_areUsedAsTheyAre() throws Exception {
    String classPath = dir.resolve("classes") + java.io.File.pathSeparator + dir.resolve("x.jar");

    assertThat(RuntimeJar.classPathFor(dir.resolve("local"), classPath)).isEqualTo(classPath);
  }
}
