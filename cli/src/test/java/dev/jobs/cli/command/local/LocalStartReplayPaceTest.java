package dev.jobs.cli.command.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.app.CommandModel;
import dev.jobs.cli.core.Environment;
import dev.jobs.local.events.ReplayPace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

/** {@code jobs local start --replay-pace}: fast by default, EventBridge's pace when asked. */
class LocalStartReplayPaceTest {
  @TempDir Path home;

  private LocalStart parsed(String... args) {
    ParseResult result = CommandModel.commandLine(Environment.system()).parseArgs(args);
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return (LocalStart) result.commandSpec().userObject();
  }

  @Test
  void start_withoutTheFlag_replaysFast() {
    assertThat(parsed("local", "start").options(home).replayPace()).isEqualTo(ReplayPace.FAST);
  }

  @Test
  void start_replayPaceAws_givesTheRuntimeEventBridgesPace() {
    LocalStart start = parsed("local", "start", "--replay-pace", "aws");

    assertThat(start.options(home).replayPace()).isEqualTo(ReplayPace.AWS);
  }
}
