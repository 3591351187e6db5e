package dev.jobs.backend.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobCursor;
import dev.jobs.backend.store.JobQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListParametersTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  @Test
  void noParameters_isTheLast24HoursOfEveryStatus20AtATime() {
    JobQuery query = ListParameters.parse(Map.of(), NOW);

    assertThat(query)
        .isEqualTo(
            new JobQuery(
                Optional.empty(), NOW.minus(Duration.ofHours(24)), NOW, 20, Optional.empty()));
  }

  @Test
  void everyParameter_isRead() {
    JobCursor cursor = new JobCursor(Instant.parse("2026-11-29T09:30:00Z"), "job-1");

    JobQuery query =
        ListParameters.parse(
            Map.of(
                "status", "FAILED",
                "since", "2026-11-29T09:00:00.5Z",
                "until", "2026-11-29T10:00:00Z",
                "limit", "100",
                "next", PageToken.encode(cursor),
                "unknown", "ignored"),
            NOW);

    assertThat(query)
        .isEqualTo(
            new JobQuery(
                Optional.of(JobStatus.FAILED),
                Instant.parse("2026-11-29T09:00:00.500Z"),
                Instant.parse("2026-11-29T10:00:00Z"),
                100,
                Optional.of(cursor)));
  }

  @Test
  void statusCancelled_listsTheCancelledJobs() {
    JobQuery query = ListParameters.parse(Map.of("status", "CANCELLED"), NOW);

    assertThat(query.statuses()).containsExactly(JobStatus.CANCELLED);
  }

  @Test
  void untilAlone_windowIsThe24HoursBeforeIt() {
    JobQuery query = ListParameters.parse(Map.of("until", "2026-11-01T00:00:00Z"), NOW);

    assertThat(query.since()).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
  }

  @Test
  void aWindowOfExactly31Days_isAllowed() {
    JobQuery query =
        ListParameters.parse(
            Map.of("since", "2026-10-01T00:00:00Z", "until", "2026-11-01T00:00:00Z"), NOW);

    assertThat(query.since()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
  }

  @Test
  void since31DaysAgoByTheClientsClock_isAllowedWithoutUntil_despiteLatencyAndSkew() {
    Instant clientsNow = NOW.minusSeconds(40);

    JobQuery query =
        ListParameters.parse(
            Map.of("since", clientsNow.minus(Duration.ofDays(31)).toString()), NOW);

    assertThat(query.until()).isEqualTo(NOW);
  }

  @Test
  void anExplicitWindowOverExactly31Days_isRefused() {
    assertThatThrownBy(
            () ->
                ListParameters.parse(
                    Map.of("since", "2026-10-01T00:00:00Z", "until", "2026-11-01T00:00:01Z"), NOW))
        .hasMessageContaining("at most 31 days");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "status|failed|status: must be QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED",
        "status||status: must be QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED",
        "status|PENDING|status: must be QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED",
        "since|2026-11-29|since: must be an ISO-8601 instant such as 2026-11-29T10:00:00Z",
        "since|1h|since: must be an ISO-8601 instant such as 2026-11-29T10:00:00Z",
        "until|+10000-01-01T00:00:00Z|until: must be an ISO-8601 instant such as 2026-11-29T10:00:00Z",
        "since|2026-11-29T12:00:00Z|since: must be before until (2026-11-29T12:00:00Z)",
        "since|2026-10-29T11:54:59Z|since: the window from since to until may span at most 31 days",
        "limit|0|limit: must be an integer from 1 to 100",
        "limit|101|limit: must be an integer from 1 to 100",
        "limit|-1|limit: must be an integer from 1 to 100",
        "limit|+5|limit: must be an integer from 1 to 100",
        "limit|1.0|limit: must be an integer from 1 to 100",
        "limit|99999999999999999999|limit: must be an integer from 1 to 100",
        "next|abc|next: not a token from this API"
      })
  void aBadParameter_isNamedInTheMessage(String name, String value, String message) {
    Map<String, String> parameters = Map.of(name, value == null ? "" : value);

    assertThatThrownBy(() -> ListParameters.parse(parameters, NOW))
        .isInstanceOf(BadParameterException.class)
        .hasMessage(message)
        .extracting(e -> ((BadParameterException) e).parameter())
        .isEqualTo(name);
  }

  @Test
  void aHugeInstant_isABadParameterWithoutParsing() {
    assertThatThrownBy(() -> ListParameters.parse(Map.of("since", "9".repeat(1_000_000)), NOW))
        .hasMessageStartingWith("since: ");
  }
}
