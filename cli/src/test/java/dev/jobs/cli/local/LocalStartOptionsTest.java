package dev.jobs.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.settings.Setting;
import dev.jobs.backend.settings.StackSettings;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.testing.CliRun;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jobs local start} checks every flag before it starts anything: the stack's ranges, one
 * line naming the flag. In this process: a flag it took would start a runtime and block.
 */
class LocalStartOptionsTest {
  @TempDir Path home;

  /** {@code jobs local start --detach --data-dir DATA FLAG VALUE}, in this process. */
  private CliRun.Result startDetached(Path data, String flag, String value) {
    return new CliRun(home)
        .run("local", "start", "--detach", "--data-dir", data.toString(), flag, value);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--timeout 0          | --timeout must be 1 to 900 seconds, not 0",
        "--timeout 901        | --timeout must be 1 to 900 seconds, not 901",
        "--max-event-age 10   | --max-event-age must be 60 to 21600 seconds, not 10",
        "--max-event-age 30000| --max-event-age must be 60 to 21600 seconds, not 30000",
        "--grace PT-1S        | --grace must be 0 or more, not PT-1S",
        "--port 99999         | --port must be 0 to 65535, not 99999",
        "--port -1            | --port must be 0 to 65535, not -1",
        "--retry-attempts 3   | --retry-attempts must be 0 to 2, not 3",
        "--retry-delay PT-5S  | --retry-delay must be 0 or more, not PT-5S",
        "--concurrency 0      | --concurrency must be at least 1, not 0",
        "--replay-pace slow   | --replay-pace must be fast or aws, not slow",
      })
  void aFlagOutOfRange_isOneUsageLine_andNothingStarts(String flag, String message) {
    Path data = home.resolve("data");
    String[] option = flag.trim().split(" +");

    CliRun.Result result = startDetached(data, option[0], option[1]);

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).isEqualTo("jobs: " + message.trim() + "\n");
    assertThat(data).doesNotExist();
  }

  /** The flags that stand for the stack's parameters, each with its parameter. */
  static Stream<Arguments> stackFlags() {
    return Stream.of(
        Arguments.of("--timeout", "ProcessingTimeoutSeconds"),
        Arguments.of("--retry-attempts", "ProcessingRetryAttempts"),
        Arguments.of("--max-event-age", "ProcessingMaxEventAgeSeconds"));
  }

  /**
   * The flags that stand for the stack's parameters state the parameters' ranges and defaults:
   * {@link StackSettings}, which the stack's parameters are declared from.
   */
  @ParameterizedTest
  @MethodSource("stackFlags")
  void aStackFlag_showsItsParametersRangeAndDefault(String flag, String parameter) {
    Setting setting = StackSettings.byParameter(parameter).orElseThrow();

    String help = new CliRun(home).run("local", "start", "--help").out().replaceAll("\\s+", " ");

    // The option list, after the synopsis, which names every flag too.
    String described = help.substring(help.lastIndexOf(flag + "="));
    described = described.substring(0, described.indexOf(" --", flag.length()));
    assertThat(described)
        .contains(setting.range())
        .contains("(default: " + setting.defaultValue() + ")");
  }

  @ParameterizedTest
  @MethodSource("stackFlags")
  void aStackFlag_refusesValuesBeyondItsParametersRange(String flag, String parameter) {
    Setting setting = StackSettings.byParameter(parameter).orElseThrow();
    Path data = home.resolve("data");

    for (int outside : new int[] {setting.min() - 1, setting.max() + 1}) {
      CliRun.Result result = startDetached(data, flag, String.valueOf(outside));

      assertThat(result.exitCode()).as(flag + " " + outside).isEqualTo(ExitCode.USAGE);
      assertThat(result.err()).contains(setting.range());
    }
    assertThat(data).doesNotExist();
  }

  @Test
  void aTakenPort_isNamedInOneLine_beforeAnythingStarts() throws Exception {
    Path data = home.resolve("data");
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();

      CliRun.Result result = startDetached(data, "--port", String.valueOf(port));

      assertThat(result.oneLineError(ExitCode.ERROR))
          .startsWith("jobs: port " + port + " on 127.0.0.1 is taken");
      assertThat(data.resolve("runtime.log")).doesNotExist();
    }
  }

  @Test
  void aChildThatFailed_isToldByTheLastLineItWrote_sinceItStarted() throws Exception {
    Path log = home.resolve("runtime.log");
    Files.writeString(log, "jobs: an older failure\n", StandardCharsets.UTF_8);
    long from = Files.size(log);
    Files.writeString(
        log,
        "starting\njobs: could not start the local runtime: Address already in use\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    assertThat(DetachedRuntime.reason(log, from))
        .contains("could not start the local runtime: Address already in use");
    assertThat(DetachedRuntime.reason(log, Files.size(log))).isEmpty();
  }
}
