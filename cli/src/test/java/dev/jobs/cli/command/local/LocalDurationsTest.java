package dev.jobs.cli.command.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.ParsedCommand;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code local} commands take durations as every other command does; a number is seconds. */
class LocalDurationsTest {
  @TempDir Path home;

  @Test
  void stop_waitTakesADuration_andExitsAsBefore() {
    CliRun.Result result = new CliRun(home).run("local", "stop", "--wait", "10s");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("no local runtime is running for ");
  }

  @Test
  void stop_waitAsAPlainNumber_isSeconds() {
    LocalStop stop = ParsedCommand.of(LocalStop.class, "local", "stop", "--wait", "45");

    assertThat(stop.wait).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void start_durationOptions_takeUnits_andPlainNumbersAreSeconds() {
    LocalStart start =
        ParsedCommand.of(
            LocalStart.class,
            "local",
            "start",
            "--timeout",
            "15m",
            "--retry-delay",
            "90",
            "--max-event-age",
            "6h",
            "--grace",
            "500ms");

    assertThat(start.timeout).isEqualTo(Duration.ofMinutes(15));
    assertThat(start.retryDelay).isEqualTo(Duration.ofSeconds(90));
    assertThat(start.maxEventAge).isEqualTo(Duration.ofHours(6));
    assertThat(start.grace).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void start_defaults_areTheSecondsTheyWere() {
    LocalStart start = ParsedCommand.of(LocalStart.class, "local", "start");

    assertThat(start.timeout).isEqualTo(Duration.ofSeconds(900));
    assertThat(start.retryDelay).isEqualTo(Duration.ofSeconds(60));
    assertThat(start.maxEventAge).isEqualTo(Duration.ofSeconds(21600));
    assertThat(start.grace).isEqualTo(Duration.ofSeconds(10));
  }
}
