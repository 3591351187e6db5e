package dev.jobs.backend.testing;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints why a test was skipped, on the build's console: Maven counts a skipped test but does not
 * say why, and a test skipped for a reason the developer can fix (a tool missing, a port taken,
 * SIGINT ignored) must not pass unnoticed. Registered for every module whose tests see this
 * test-jar (backend, local, infra, cli) through its service file, with JUnit's extension
 * autodetection turned on in the root pom.
 */
public final class SkipReasons implements TestWatcher {
  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    print(context, cause.getMessage());
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    print(context, reason.orElse("disabled"));
  }

  private static void print(ExtensionContext context, String reason) {
    System.out.println(
        "SKIPPED "
            + context.getRequiredTestClass().getSimpleName()
            + "."
            + context.getDisplayName()
            + ": "
            + reason);
  }
}
