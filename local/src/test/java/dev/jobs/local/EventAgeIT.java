package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Reserved concurrency and the maximum event age: a job that waits too long is never run. */
class EventAgeIT {
  @RegisterExtension
  static final RunningRuntime local =
      new RunningRuntime(
          options ->
              options.processing(
                  p ->
                      p.withConcurrency(1)
                          .withTimeout(Duration.ofSeconds(5))
                          .withMaxEventAge(Duration.ofSeconds(1))));

  @Test
  void jobWaitingLongerThanMaxEventAge_failsWithEventAgeExceededAndNoAttempt() {
    String blocker = local.api().submit("{\"seconds\":2}").body().get("id").asString();
    String waiting = local.api().submit("{\"type\":\"noop\"}").body().get("id").asString();

    JsonNode expired = local.api().awaitTerminal(waiting, Duration.ofSeconds(10));

    assertThat(expired.get("status").asString()).isEqualTo("FAILED");
    assertThat(expired.get("attempts").asInt()).isZero();
    assertThat(expired.get("error").get("condition").asString()).isEqualTo("EventAgeExceeded");
    assertThat(expired.get("error").get("type").asString()).isEqualTo("EventAgeExceeded");
    assertThat(local.api().awaitTerminal(blocker, Duration.ofSeconds(10)).get("status").asString())
        .isEqualTo("SUCCEEDED");
  }
}
