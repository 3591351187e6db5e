package dev.jobs.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** The cloud assembly the build synthesized (read by the integration tests). */
final class CloudAssemblyFiles {
  private CloudAssemblyFiles() {}

  static Path directory() {
    String dir = System.getProperty("jobs.cloud.assembly");
    if (dir == null) {
      throw new IllegalStateException(
          "system property jobs.cloud.assembly is not set: run the tests with Maven (mvn verify)");
    }
    return Path.of(dir);
  }

  static Path template() {
    Path template = directory().resolve("jobs.template.json");
    if (!Files.isRegularFile(template)) {
      throw new IllegalStateException("no synthesized template at " + template);
    }
    return template;
  }
}
