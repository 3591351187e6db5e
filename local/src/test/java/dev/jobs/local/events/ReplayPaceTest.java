package dev.jobs.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** EventBridge's replay pace: minute by minute of event time, archiving that takes minutes. */
class ReplayPaceTest {
  private static final long WINDOW = Instant.parse("2026-11-29T10:00:00Z").toEpochMilli();
  private static final long STARTED = Instant.parse("2026-11-29T12:00:00Z").toEpochMilli();

  @Test
  void aws_eventOfTheWindowsThirdMinute_isReplayedTwoMinutesAfterTheStart() {
    long eventTime = WINDOW + Duration.ofSeconds(150).toMillis();

    assertThat(ReplayPace.AWS.dueAt(STARTED, WINDOW, eventTime))
        .isEqualTo(STARTED + Duration.ofMinutes(2).toMillis());
  }

  @Test
  void aws_eventOlderThanTenMinutesWhenItsMinuteIsReplayed_isInTheArchive() {
    long due = STARTED;

    assertThat(ReplayPace.AWS.archivedBy(due - Duration.ofMinutes(10).toMillis(), due)).isTrue();
    assertThat(ReplayPace.AWS.archivedBy(due - Duration.ofMinutes(10).toMillis() + 1, due))
        .isFalse();
  }

  @Test
  void fast_everyEventIsDueAtTheStartAndAlreadyArchived() {
    long eventTime = STARTED - 1;

    assertThat(ReplayPace.FAST.dueAt(STARTED, WINDOW, eventTime)).isEqualTo(STARTED);
    assertThat(ReplayPace.FAST.archivedBy(eventTime, STARTED)).isTrue();
  }

  @Test
  void named_knowsFastAndAws_andNamesBothWhenGivenAnotherName() {
    assertThat(ReplayPace.named("AWS")).isEqualTo(ReplayPace.AWS);
    assertThat(ReplayPace.named("fast")).isEqualTo(ReplayPace.FAST);
    assertThatThrownBy(() -> ReplayPace.named("slow"))
        .hasMessage("replay pace must be fast or aws, not slow");
  }
}
