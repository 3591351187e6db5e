package dev.jobs.cli.command.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.testing.ParsedCommand;
import dev.jobs.local.events.ReplayPace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobs local start --replay-pace}: fast by default, EventBridge's pace when asked. */
class LocalStartReplayPaceTest {
  @TempDir Path home;

  @Test
  void start_withoutTheFlag_replaysFast() {
    assertThat(ParsedCommand.of(LocalStart.class, "local", "start").options(home).replayPace())
        .isEqualTo(ReplayPace.FAST);
  }

  @Test
  void start_replayPaceAws_givesTheRuntimeEventBridgesPace() {
    LocalStart start = ParsedCommand.of(LocalStart.class, "local", "start", "--replay-pace", "aws");

    assertThat(start.options(home).replayPace()).isEqualTo(ReplayPace.AWS);
  }
}
