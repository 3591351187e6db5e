package dev.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cloud assembly that {@code mvn package} wrote: what {@code jobs deploy} will read. */
class CloudAssemblyIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode read(String file) throws IOException {
    return MAPPER.readTree(BuildOutputs.cloudAssembly().resolve(file).toFile());
  }

  @Test
  @DisplayName("the assembly holds the jobs stack's template")
  void holdsTheTemplate() throws IOException {
    JsonNode manifest = read("manifest.json");
    assertThat(
            manifest
                .path("artifacts")
                .path("jobs")
                .path("properties")
                .path("templateFile")
                .asText())
        .isEqualTo("jobs.template.json");
    assertThat(BuildOutputs.template()).isRegularFile();
  }

  @Test
  @DisplayName("the backend jar is a file asset beside the template")
  void backendJarIsAnAsset() throws IOException {
    List<String> jars = new ArrayList<>();
    read("jobs.assets.json")
        .path("files")
        .forEach(
            asset -> {
              String path = asset.path("source").path("path").asText();
              if (path.endsWith(".jar")) {
                jars.add(path);
              }
            });
    assertThat(jars).hasSize(1);
    assertThat(BuildOutputs.cloudAssembly().resolve(jars.get(0))).isRegularFile();
  }

  @Test
  @DisplayName("every asset goes to the project's own bucket with the caller's credentials")
  void assetsGoToTheProjectBucket() throws IOException {
    JsonNode files = read("jobs.assets.json").path("files");
    assertThat(files.size()).isPositive();
    files.forEach(
        asset ->
            asset
                .path("destinations")
                .forEach(
                    destination -> {
                      assertThat(destination.path("bucketName").asText())
                          .isEqualTo("jobs-assets-${AWS::AccountId}-${AWS::Region}");
                      assertThat(destination.has("assumeRoleArn")).isFalse();
                    }));
  }

  @Test
  @DisplayName("the asset is the backend's Lambda artifact, byte for byte")
  void assetIsTheBackendJar() throws IOException {
    Path backend = Path.of(System.getProperty("jobs.backend.jar"));
    try (Stream<Path> files = Files.list(BuildOutputs.cloudAssembly())) {
      List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
      assertThat(jars).hasSize(1);
      assertThat(Files.mismatch(jars.get(0), backend)).isEqualTo(-1L);
    }
  }
}
