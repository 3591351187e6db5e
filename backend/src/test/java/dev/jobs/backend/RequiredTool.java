package dev.jobs.backend;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program outside the JDK that some tests need. Where it is missing they are skipped, with the
 * reason, so that a developer without it can still build; under {@code CI=true} they fail instead,
 * since CI must run every test. The local runtime's and the CLI's tests use it too (test-jar);
 * infra's tests have their own copy, as infra does not take this test-jar.
 */
public record RequiredTool(String command, String install) {
  public static final RequiredTool MOTO_SERVER =
      new RequiredTool("moto_server", "pip install 'moto[server]'");

  /** Whether the command is an executable on the {@code PATH}. */
  public boolean isInstalled() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** Skips the calling test (or class) when the tool is missing; fails it when {@code CI=true}. */
  public void require(String purpose) {
    if (isInstalled()) {
      return;
    }
    String missing = command + " is not on PATH (install it with: " + install + ")";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(missing + "; CI=true requires it for " + purpose);
    }
    Assumptions.abort(missing + ": skipping " + purpose);
  }
}
