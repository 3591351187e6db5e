package dev.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsStackPropsTest {
  private static final Path JAR = Path.of("backend-lambda.jar");

  private static JobsStackProps with(int timeout, int retries, int eventAge, int logRetention) {
    JobsStackProps d = JobsStackProps.defaults(JAR);
    return new JobsStackProps(
        d.stackName(),
        JAR,
        d.stageName(),
        List.of(),
        d.memorySizeMb(),
        timeout,
        d.reservedConcurrency(),
        retries,
        eventAge,
        logRetention,
        d.archiveRetentionDays(),
        d.jobRetentionDays(),
        d.replayRetryAttempts(),
        d.replayMaxEventAgeSeconds());
  }

  @Test
  @DisplayName("the defaults are StackSettings', and no concurrency is reserved")
  void defaults() {
    JobsStackProps props = JobsStackProps.defaults(JAR);
    assertThat(props.processingTimeoutSeconds()).isEqualTo(900);
    assertThat(props.reservedConcurrency()).isZero();
    assertThat(props.retryAttempts()).isZero();
    assertThat(props.maxEventAgeSeconds()).isEqualTo(6 * 3600);
    assertThat(props.archiveRetentionDays()).isZero();
    assertThat(props.stageName()).isEqualTo("prod");
    assertThat(props.invokePrincipals()).isEmpty();
  }

  @Test
  @DisplayName("a timeout over 15 minutes is refused")
  void timeoutOver15MinutesRefused() {
    assertThatThrownBy(() -> with(901, 0, 21600, 365))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("processingTimeoutSeconds must be 1 to 900, not 901");
  }

  @Test
  @DisplayName("more than 2 asynchronous retries are refused")
  void tooManyRetriesRefused() {
    assertThatThrownBy(() -> with(900, 3, 21600, 365))
        .hasMessage("retryAttempts must be 0 to 2, not 3");
  }

  @Test
  @DisplayName("an event age beyond 6 hours is refused")
  void eventAgeBeyondSixHoursRefused() {
    assertThatThrownBy(() -> with(900, 0, 21601, 365))
        .hasMessage("maxEventAgeSeconds must be 60 to 21600, not 21601");
  }

  @Test
  @DisplayName("a log retention CloudWatch does not offer is refused")
  void unknownLogRetentionRefused() {
    assertThatThrownBy(() -> with(900, 0, 21600, 366))
        .hasMessageStartingWith("logRetentionDays must be one of [1, 3, 5");
  }

  @Test
  @DisplayName("a stage name API Gateway would refuse is refused")
  void badStageNameRefused() {
    assertThatThrownBy(() -> JobsStackProps.defaults(JAR).withStageName("no/slash"))
        .hasMessage("stageName must be letters, digits or _");
  }

  @Test
  @DisplayName("a missing backend jar is named, with how to build it")
  void missingBackendJarNamed(@TempDir Path dir) {
    Path missing = dir.resolve("backend-lambda.jar");
    assertThatThrownBy(() -> JobsStackProps.defaults(missing).requireBackendJar())
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("build the backend module first");
  }
}
