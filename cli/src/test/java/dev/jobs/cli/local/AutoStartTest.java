package dev.jobs.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.local.RuntimeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link AutoStart} reads from the environment; starting is {@code AutoStartIT}'s part. */
class AutoStartTest {
  private static AutoStart autoStart(Map<String, String> variables) {
    Environment environment =
        new Environment(variables, Path.of("/nonexistent"), false, Clock.systemUTC(), d -> {});
    return new AutoStart(environment, new PrintWriter(new StringWriter()), false);
  }

  @Test
  void enabled_whenTheVariableIsUnset() {
    assertThat(autoStart(Map.of()).enabled()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "false", "no", "off", "OFF"})
  void disabled_byZeroAndItsSynonyms(String value) {
    assertThat(autoStart(Map.of(AutoStart.VARIABLE, value)).enabled()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "yes", "on"})
  void enabled_byOneAndItsSynonyms(String value) {
    assertThat(autoStart(Map.of(AutoStart.VARIABLE, value)).enabled()).isTrue();
  }

  @Test
  void anotherValue_isAUsageError() {
    assertThatThrownBy(() -> autoStart(Map.of(AutoStart.VARIABLE, "maybe")).enabled())
        .isInstanceOf(JobsException.class)
        .hasMessage("JOBS_LOCAL_AUTOSTART must be 1 (start the local runtime) or 0, not 'maybe'")
        .extracting(e -> ((JobsException) e).exitCode())
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void port_isTheVariable_whenSet() {
    assertThat(autoStart(Map.of(AutoStart.PORT_VARIABLE, "0")).port()).isZero();
    assertThat(autoStart(Map.of(AutoStart.PORT_VARIABLE, "4711")).port()).isEqualTo(4711);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "-1", "65536"})
  void port_notAPortNumber_isAUsageError(String value) {
    assertThatThrownBy(() -> autoStart(Map.of(AutoStart.PORT_VARIABLE, value)).port())
        .isInstanceOf(JobsException.class)
        .hasMessageContaining("JOBS_LOCAL_PORT must be a port number");
  }

  @Test
  void port_isTheDefault_whenFree() {
    Assumptions.assumeTrue(
        free(RuntimeOptions.DEFAULT_PORT),
        "port "
            + RuntimeOptions.DEFAULT_PORT
            + ", the default, is taken (by a local runtime the quick start left? 'jobs local stop'"
            + " ends it): this case needs it free");

    assertThat(autoStart(Map.of()).port()).isEqualTo(RuntimeOptions.DEFAULT_PORT);
  }

  @Test
  void port_isAFreeOne_whenTheDefaultIsTaken() throws IOException {
    try (ServerSocket holder = new ServerSocket()) {
      try {
        holder.bind(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), RuntimeOptions.DEFAULT_PORT));
      } catch (IOException e) {
        // Another program holds it already: taken either way.
      }

      assertThat(autoStart(Map.of()).port()).isZero();
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
