package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Reserved concurrency and the maximum event age: a job that waits too long is never run. */
class EventAgeIT {
  @TempDir static Path directory;
  static LocalRuntime runtime;
  static ApiClient api;

  @BeforeAll
  static void start() {
    runtime =
        LocalRuntime.start(
            RuntimeOptions.builder(directory, 0)
                .processing(
                    p ->
                        p.withConcurrency(1)
                            .withTimeout(Duration.ofSeconds(5))
                            .withMaxEventAge(Duration.ofSeconds(1)))
                .build());
    api = ApiClient.forRole(runtime);
  }

  @AfterAll
  static void stop() {
    runtime.stop(Duration.ZERO);
  }

  @Test
  void jobWaitingLongerThanMaxEventAge_failsWithEventAgeExceededAndNoAttempt() {
    String blocker = api.submit("{\"seconds\":2}").body().get("id").asString();
    String waiting = api.submit("{\"type\":\"noop\"}").body().get("id").asString();

    JsonNode expired = api.awaitTerminal(waiting, Duration.ofSeconds(10));

    assertThat(expired.get("status").asString()).isEqualTo("FAILED");
    assertThat(expired.get("attempts").asInt()).isZero();
    assertThat(expired.get("error").get("condition").asString()).isEqualTo("EventAgeExceeded");
    assertThat(expired.get("error").get("type").asString()).isEqualTo("EventAgeExceeded");
    assertThat(api.awaitTerminal(blocker, Duration.ofSeconds(10)).get("status").asString())
        .isEqualTo("SUCCEEDED");
  }
}
