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
  @DisplayName("a builder changes only the props it is told, the others keep their defaults")
  void builderChangesOnlyWhatItIsTold() {
    JobsStackProps props =
        JobsStackProps.builder(JAR)
            .stageName("dev")
            .invokePrincipals(List.of("arn:aws:iam::123456789012:root"))
            .build();
    JobsStackProps defaults = JobsStackProps.defaults(JAR);
    assertThat(props)
        .usingRecursiveComparison()
        .ignoringFields("stageName", "invokePrincipals")
        .isEqualTo(defaults);
    assertThat(props.stageName()).isEqualTo("dev");
    assertThat(props.invokePrincipals()).containsExactly("arn:aws:iam::123456789012:root");
  }

  @Test
  @DisplayName("a timeout over 15 minutes is refused")
  void timeoutOver15MinutesRefused() {
    assertThatThrownBy(() -> JobsStackProps.builder(JAR).processingTimeoutSeconds(901).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("processingTimeoutSeconds must be 1 to 900, not 901");
  }

  @Test
  @DisplayName("more than 2 asynchronous retries are refused")
  void tooManyRetriesRefused() {
    assertThatThrownBy(() -> JobsStackProps.builder(JAR).retryAttempts(3).build())
        .hasMessage("retryAttempts must be 0 to 2, not 3");
  }

  @Test
  @DisplayName("an event age beyond 6 hours is refused")
  void eventAgeBeyondSixHoursRefused() {
    assertThatThrownBy(() -> JobsStackProps.builder(JAR).maxEventAgeSeconds(21601).build())
        .hasMessage("maxEventAgeSeconds must be 60 to 21600, not 21601");
  }

  @Test
  @DisplayName("a log retention CloudWatch does not offer is refused")
  void unknownLogRetentionRefused() {
    assertThatThrownBy(() -> JobsStackProps.builder(JAR).logRetentionDays(366).build())
        .hasMessageStartingWith("logRetentionDays must be one of [1, 3, 5");
  }

  @Test
  @DisplayName("a stage name API Gateway would refuse is refused")
  void badStageNameRefused() {
    assertThatThrownBy(() -> JobsStackProps.builder(JAR).stageName("no/slash").build())
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
