package dev.jobs.cli.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether a Ctrl-C can reach the processes a test starts. A shell that starts a background job
 * ({@code mvn verify &}, as CI systems and {@code nohup} do) starts it with SIGINT ignored, and an
 * ignored signal stays ignored in every child: the JVM then installs no handler, so a test's {@code
 * kill -INT} is dropped and its process runs on. The kernel says so in {@code /proc/self/status}.
 */
public final class Sigint {
  private static final int SIGINT = 2;

  private Sigint() {}

  /**
   * Whether this JVM (and so every process it starts) ignores SIGINT; empty where it cannot tell.
   */
  public static Optional<Boolean> ignored() {
    return ignored(Path.of("/proc/self/status"));
  }

  static Optional<Boolean> ignored(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("SigIgn:")) {
          BigInteger mask = new BigInteger(line.substring("SigIgn:".length()).trim(), 16);
          return Optional.of(mask.testBit(SIGINT - 1));
        }
      }
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Skips the calling test, with the reason, when a Ctrl-C it sends could not arrive. */
  public static void requireDelivered() {
    Assumptions.assumeFalse(
        ignored().orElse(false),
        "this JVM was started with SIGINT ignored (SigIgn in /proc/self/status), as a background"
            + " job of a non-interactive shell is: a Ctrl-C sent to the processes it starts would"
            + " never arrive; run the build from a terminal to run this test");
  }
}
