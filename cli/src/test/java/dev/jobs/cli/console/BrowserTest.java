package dev.jobs.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.Environment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The browser is opened only where there is a desktop. */
class BrowserTest {
  static Environment with(Map<String, String> variables) {
    return new Environment(variables, Path.of("/tmp"), false, Clock.systemUTC(), d -> {});
  }

  @Test
  void linuxWithoutDisplay_opensNothing() {
    assertThat(Browser.command(with(Map.of()), "Linux", "http://x")).isEmpty();
  }

  @Test
  void linuxWithX11OrWayland_usesXdgOpen() {
    assertThat(Browser.command(with(Map.of("DISPLAY", ":0")), "Linux", "http://x"))
        .contains(List.of("xdg-open", "http://x"));
    assertThat(Browser.command(with(Map.of("WAYLAND_DISPLAY", "wayland-0")), "Linux", "http://x"))
        .contains(List.of("xdg-open", "http://x"));
  }

  @Test
  void macOs_usesOpen() {
    assertThat(Browser.command(with(Map.of()), "Mac OS X", "http://x"))
        .contains(List.of("open", "http://x"));
  }
}
