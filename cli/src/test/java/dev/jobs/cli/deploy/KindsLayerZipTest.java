package dev.jobs.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.deploy.CloudAssembly.FileAsset;
import dev.jobs.local.KindJarFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KindsLayerZipTest {
  @TempDir Path directory;

  @Test
  void of_putsEachJarUnderJavaLib_andNamesTheZipByItsContent() throws Exception {
    Path echo = KindJarFixture.echoJar(directory, "echo.jar", "EchoJob", "echo");
    Path shout = KindJarFixture.echoJar(directory, "shout.jar", "ShoutJob", "shout");

    KindsLayerZip.Layer layer = KindsLayerZip.of(List.of(shout, echo), "bucket");
    FileAsset first = layer.zip();
    FileAsset again = KindsLayerZip.of(List.of(echo, shout), "bucket").zip();

    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(first.source()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    assertThat(names).containsExactly("java/lib/echo.jar", "java/lib/shout.jar");
    assertThat(first.objectKey()).isEqualTo("kinds-" + first.hash() + ".zip");
    assertThat(again.objectKey()).isEqualTo(first.objectKey());
    assertThat(first.bucketName()).isEqualTo("bucket");
    assertThat(layer.types()).endsWith("shout", "echo").contains("sleep", "flaky");
  }

  @Test
  void of_twoJarsOfOneFileName_isRefused() throws Exception {
    Path echo = KindJarFixture.echoJar(directory, "echo.jar", "EchoJob", "echo");
    Path other = Files.createDirectories(directory.resolve("other"));
    Path twin = KindJarFixture.echoJar(other, "echo.jar", "TwinJob", "twin");

    assertThatThrownBy(() -> KindsLayerZip.of(List.of(echo, twin), "bucket"))
        .isInstanceOf(JobsException.class)
        .hasMessage("two kind jars are named echo.jar; a layer holds one of each name");
  }
}
