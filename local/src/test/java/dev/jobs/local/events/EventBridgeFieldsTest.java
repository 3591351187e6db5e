package dev.jobs.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.local.protocol.AwsError;
import dev.jobs.local.protocol.JsonProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventBridgeFieldsTest {
  @ParameterizedTest
  @CsvSource({
    "1765045000, 1765045000000",
    "1765045000.5, 1765045000500",
    "1765045000.123, 1765045000123",
    "1765045000.123456, 1765045000123",
    "1765045000.9999999, 1765045000999",
    "1.765045000123456E9, 1765045000123",
    "'\"2025-12-06T18:16:40.123456Z\"', 1765045000123"
  })
  void replayWindow_readsAnyEpochSecondsNumber_truncatedToMilliseconds(String start, long millis) {
    var window =
        EventBridgeFields.replayWindow(
            JsonProtocol.INPUT.readTree(
                "{\"EventStartTime\": " + start + ", \"EventEndTime\": 1765049000}"));

    assertThat(window.start()).isEqualTo(millis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e300", "\"yesterday\"", "true"})
  void replayWindow_refusesWhatIsNoTimestamp_namingTheParameter(String start) {
    assertThatThrownBy(
            () ->
                EventBridgeFields.replayWindow(
                    JsonProtocol.INPUT.readTree(
                        "{\"EventStartTime\": " + start + ", \"EventEndTime\": 1765049000}")))
        .isInstanceOf(AwsError.class)
        .hasMessageContaining("Parameter EventStartTime is not valid")
        .hasMessageContaining("is not a valid timestamp");
  }
}
