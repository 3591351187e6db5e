package dev.jobs.backend;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program outside the JDK that some tests need. Where it is missing they are skipped, with the
 * reason, so that a developer without it can still build; under {@code CI=true} they fail instead,
 * since CI must run every test. The local runtime's, infra's and the CLI's tests use it too
 * (test-jar).
 */
public record RequiredTool(String command, String install, Probe probe) {
  public static final RequiredTool MOTO_SERVER =
      new RequiredTool("moto_server", "pip install 'moto[server]'", Probe.ON_PATH);

  private static final Map<RequiredTool, Boolean> INSTALLED = new ConcurrentHashMap<>();

  /** How a test finds out whether the program is installed. */
  public enum Probe {
    /** An executable of that name on the {@code PATH}: for a program with no version option. */
    ON_PATH("is not on PATH", RequiredTool::isOnPath),
    /**
     * {@code command --version} runs and succeeds: a pyenv shim is on the {@code PATH} even where
     * the program is not installed for the active Python.
     */
    ANSWERS_VERSION("is not installed", RequiredTool::answersVersion);

    private final String missing;
    private final Predicate<String> finds;

    Probe(String missing, Predicate<String> finds) {
      this.missing = missing;
      this.finds = finds;
    }
  }

  /** Whether the probe finds the program; asked once per test JVM. */
  public boolean isInstalled() {
    return INSTALLED.computeIfAbsent(this, tool -> tool.probe.finds.test(tool.command));
  }

  /** Skips the calling test (or class) when the tool is missing; fails it when {@code CI=true}. */
  public void require(String purpose) {
    if (isInstalled()) {
      return;
    }
    String missing = command + " " + probe.missing + " (install it with: " + install + ")";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(missing + "; CI=true requires it for " + purpose);
    }
    Assumptions.abort(missing + ": skipping " + purpose);
  }

  private static boolean isOnPath(String command) {
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
