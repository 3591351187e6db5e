package dev.jobs.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the build made that the tests read, at paths Maven passes as system properties: the
 * backend's Lambda artifact (for every test) and the synthesized cloud assembly (for the
 * integration tests).
 */
final class BuildOutputs {
  private BuildOutputs() {}

  /** The backend's Lambda artifact, which the build copies for the tests. */
  static Path backendJar() {
    return path("jobs.backend.jar", "Maven");
  }

  /** The cloud assembly the build synthesized. */
  static Path cloudAssembly() {
    return path("jobs.cloud.assembly", "Maven (mvn verify)");
  }

  /** The synthesized template in the cloud assembly. */
  static Path template() {
    Path template = cloudAssembly().resolve("jobs.template.json");
    if (!Files.isRegularFile(template)) {
      throw new IllegalStateException("no synthesized template at " + template);
    }
    return template;
  }

  private static Path path(String property, String runner) {
    String path = System.getProperty(property);
    if (path == null) {
      throw new IllegalStateException(
          "system property " + property + " is not set: run the tests with " + runner);
    }
    return Path.of(path);
  }
}
