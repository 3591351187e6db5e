package dev.jobs.infra;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program outside the JDK that some tests need. Where it is missing they are skipped, with the
 * reason; under {@code CI=true} they fail instead, since CI must run every test. A copy of the
 * backend's test helper of the same name (infra does not take the backend's test-jar), except that
 * it asks the program for its version: a pyenv shim is on the PATH even where the tool is not
 * installed for the active Python.
 */
record RequiredTool(String command, String install) {
  static final RequiredTool NODE =
      new RequiredTool(
          "node", "apt-get install nodejs, or from nodejs.org; the CDK's jsii runs on it");
  static final RequiredTool CFN_LINT = new RequiredTool("cfn-lint", "pip install cfn-lint");

  private static final Map<String, Boolean> INSTALLED = new ConcurrentHashMap<>();

  /** Whether {@code command --version} runs and succeeds; asked once per test JVM. */
  boolean isInstalled() {
    return INSTALLED.computeIfAbsent(command, RequiredTool::answersVersion);
  }

  /** Skips the calling test (or class) when the tool is missing; fails it when {@code CI=true}. */
  void require(String purpose) {
    if (isInstalled()) {
      return;
    }
    String missing = command + " is not installed (install it with: " + install + ")";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(missing + "; CI=true requires it for " + purpose);
    }
    Assumptions.abort(missing + ": skipping " + purpose);
  }

  private static boolean answersVersion(String command) {
    try {
      Process version = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor(60, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
