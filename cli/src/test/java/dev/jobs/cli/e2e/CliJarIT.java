package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code jobs.jar} carries: one HTTP stack per need (the SDK's url-connection and Apache 4
 * clients, no Netty, no Apache 5) and the Lambda artifact once. Every entry is a cost on every
 * start (the JVM reads the jar's central directory) and on every download.
 */
class CliJarIT {
  static final Path JAR = Path.of("..").toAbsolutePath().normalize().resolve("cli/target/jobs.jar");
  static final String ASSEMBLY = "dev/jobs/cli/cloud-assembly/";

  static List<String> entries;

  @BeforeAll
  static void readJar() throws IOException {
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      entries = zip.stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void jar_holdsNoHttpStackTheCliDoesNotUse() {
    assertThat(entries)
        .filteredOn(
            name ->
                name.startsWith("io/netty/")
                    || name.startsWith("org/apache/hc/")
                    || name.startsWith("software/amazon/awssdk/http/nio/netty/")
                    || name.startsWith("software/amazon/awssdk/http/apache5/"))
        .isEmpty();
  }

  @Test
  void jar_holdsExactlyTheAssetsTheAssetManifestNames() throws IOException {
    List<String> named;
    try (ZipFile zip = new ZipFile(JAR.toFile());
        InputStream manifest = zip.getInputStream(zip.getEntry(ASSEMBLY + "jobs.assets.json"))) {
      Matcher paths =
          Pattern.compile("\"path\"\\s*:\\s*\"(asset\\.[^\"]+)\"")
              .matcher(new String(manifest.readAllBytes(), StandardCharsets.UTF_8));
      named = paths.results().map(match -> ASSEMBLY + match.group(1)).toList();
    }

    assertThat(named).as("the Lambda artifact, named once").hasSize(1);
    assertThat(entries)
        .filteredOn(name -> name.startsWith(ASSEMBLY + "asset."))
        .containsExactlyInAnyOrderElementsOf(named);
  }
}
