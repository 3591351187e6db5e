package dev.jobs.cli.console;

import dev.jobs.cli.core.Environment;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens the console's URL in the desktop's browser, when there is a desktop: macOS's {@code open},
 * else {@code xdg-open} when an X or Wayland display is set. On a server over SSH there is none,
 * and the printed URL is the way in (through an SSH tunnel of the port).
 */
public final class Browser {
  private Browser() {}

  /** The command that opens {@code url} on this desktop, if there is one. */
  static Optional<List<String>> command(Environment environment, String osName, String url) {
    if (osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
      return Optional.of(List.of("open", url));
    }
    boolean display =
        environment.get("DISPLAY").filter(v -> !v.isBlank()).isPresent()
            || environment.get("WAYLAND_DISPLAY").filter(v -> !v.isBlank()).isPresent();
    return display ? Optional.of(List.of("xdg-open", url)) : Optional.empty();
  }

  /**
   * Opens the URL when there is a desktop; says why not otherwise.
   *
   * @return null when the browser was asked to open it, else the reason it was not
   */
  public static String open(Environment environment, String url) {
    Optional<List<String>> command = command(environment, System.getProperty("os.name", ""), url);
    if (command.isEmpty()) {
      return "no desktop (neither DISPLAY nor WAYLAND_DISPLAY is set): open the URL yourself";
    }
    try {
      new ProcessBuilder(command.get())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      return null;
    } catch (IOException e) {
      return "could not run "
          + command.get().get(0)
          + " ("
          + e.getMessage()
          + "): open the URL yourself";
    }
  }
}
