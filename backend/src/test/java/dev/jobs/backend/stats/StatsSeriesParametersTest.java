package dev.jobs.backend.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.ApiAnswer;
import dev.jobs.backend.store.InMemoryJobStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A {@code step} that makes no series of at most 120 points is refused in one line. */
class StatsSeriesParametersTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private final JobStatistics statistics =
      new JobStatistics(
          new InMemoryJobStats(new InMemoryJobStore()), Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "-1", "1.5", "5m", "1234567890"})
  void aStepThatIsNoWholeNumberOfMinutes_isRefused(String step) {
    ApiAnswer answer = statistics.answer(Map.of("step", step));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("step").contains("whole number of minutes");
  }

  @ParameterizedTest
  @CsvSource({"2026-06-01T09:59:00Z, 1", "2026-05-31T12:00:00Z, 11"})
  void aStepThatMakesMoreThan120Points_isRefused_namingTheSmallestThatFits(
      String since, String step) {
    ApiAnswer answer = statistics.answer(Map.of("since", since, "step", step));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("at most 120");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-06-01T10:00:00Z, 1, 120",
    "2026-05-31T12:00:00Z, 12, 120",
    "2026-06-01T11:00:00Z, 7, 9"
  })
  void aStepThatFits_makesOnePointPerStep_theLastCutAtUntil(String since, String step, int points) {
    ApiAnswer answer = statistics.answer(Map.of("since", since, "step", step));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(dev.jobs.backend.job.JobJson.MAPPER.readTree(answer.body()).path("series").size())
        .isEqualTo(points);
  }
}
