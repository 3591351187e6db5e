package dev.jobs.cli.app;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.OnLocalTarget;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code jobs stats} answers the same on the quick path as through picocli. */
class QuickStatsTest extends OnLocalTarget {

  @BeforeEach
  void counters() {
    wire.stubFor(
        get(urlPathEqualTo("/prod/jobs/stats"))
            .willReturn(
                FakeAws.json(
                    200,
                    "{\"total\":3,\"counts\":{\"QUEUED\":1,\"RUNNING\":0,\"SUCCEEDED\":1,"
                        + "\"FAILED\":1,\"CANCELLED\":0},\"runTime\":{\"jobs\":2,"
                        + "\"p50Millis\":1031,\"p95Millis\":2047,\"maxMillis\":2047},"
                        + "\"failures\":[{\"type\":\"java.lang.IllegalStateException\","
                        + "\"condition\":\"BAD\",\"count\":1}],\"stalled\":0,"
                        + "\"oldestRunning\":null}")));
  }

  static Stream<String> commandLines() {
    return Stream.of(
        "stats",
        "stats --since 30d",
        "stats --since=2h --until 1h",
        "stats --since 1h --until 2h",
        "stats --output json",
        "stats -q --target local",
        "stats --since soon",
        "stats --since 1h --since 2h",
        "stats extra",
        "stats --target staging",
        "stats --bogus");
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void quickPath_answersAsPicocliDoes(String line) {
    QuickGetTest.assertAnswersAsPicocli(jobs, line);
  }

  @Test
  void plainForms_takeTheQuickPath_helpAndTheWindowElsewhere_goThroughPicocli() {
    // A target that exists nowhere: the quick path answers (with its error), calling nothing.
    assertThat(QuickGetTest.takesQuickPath("stats", "--since", "1d", "--target", "no-such-target"))
        .isTrue();
    assertThat(QuickGetTest.takesQuickPath("stats", "--help")).isFalse();
    assertThat(QuickGetTest.takesQuickPath("stats", "--debug")).isFalse();
    assertThat(QuickGetTest.takesQuickPath("get", "job-1", "--since", "1d")).isFalse();
    assertThat(QuickGetTest.takesQuickPath("--since", "1d", "stats")).isFalse();
  }
}
