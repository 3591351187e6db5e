package dev.jobs.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.api.JobPage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live line's progress bar and its estimate, as pure text. */
class ProgressBarTest {
  static final Instant STARTED = Instant.parse("2026-11-29T10:00:00Z");

  static JobPage.Progress progress(long done, long total, String message, int atSecond) {
    return new JobPage.Progress(done, total, message, STARTED.plusSeconds(atSecond));
  }

  /**
   * The line for {@code progress} after {@code elapsed}, {@code left} to go (null: no estimate).
   */
  static String render(JobPage.Progress progress, Duration elapsed, Duration left) {
    return ProgressBar.render(progress, elapsed, Optional.ofNullable(left));
  }

  @Test
  void render_knownTotal_showsBarCountsShareMessageElapsedAndTimeLeft() {
    String line =
        render(
            progress(12, 60, "slept 12 of 60 s", 12),
            Duration.ofSeconds(12),
            Duration.ofSeconds(48));

    assertThat(line).isEqualTo("[####................] 12/60 20% slept 12 of 60 s, 12s, ~48s left");
  }

  @Test
  void render_unknownTotal_showsOnlyWhatIsDoneAndTheMessage_withTheElapsedTime() {
    String line =
        render(progress(340, 0, "rows copied", 5), Duration.ofSeconds(65), Duration.ofSeconds(48));

    assertThat(line).isEqualTo("340 rows copied, 1m05s");
  }

  @Test
  void render_fullAndOverfull_fillTheBarAndStopAtAHundredPercent() {
    assertThat(render(progress(60, 60, null, 60), Duration.ZERO, null))
        .isEqualTo("[####################] 60/60 100%, 0s");
    assertThat(render(progress(70, 60, null, 60), Duration.ZERO, null))
        .startsWith("[####################] 70/60 100%");
  }

  @Test
  void render_longMessage_isCutToKeepOneLine() {
    String line =
        render(
            progress(1, 2, "a message\nthat goes on " + "and on ".repeat(20), 1),
            Duration.ZERO,
            null);

    assertThat(line)
        .isEqualTo("[##########..........] 1/2 50% a message that goes on and on and on ..., 0s");
  }

  @Test
  void left_isTheRateSoFarAppliedToWhatRemains_lessTheTimeSinceTheReport() {
    // 10 units in 20 s: 2 s each; 50 left is 100 s, 5 s of which passed since the report.
    assertThat(ProgressBar.left(progress(10, 60, null, 20), STARTED, STARTED.plusSeconds(25)))
        .contains(Duration.ofSeconds(95));
  }

  @Test
  void left_isNeverNegative() {
    assertThat(ProgressBar.left(progress(10, 20, null, 10), STARTED, STARTED.plusSeconds(600)))
        .contains(Duration.ZERO);
  }

  @Test
  void left_hasNoEstimate_beforeTheFirstUnit_onceDone_orWithoutATotalOrAStart() {
    Instant now = STARTED.plusSeconds(30);
    assertThat(ProgressBar.left(progress(0, 60, null, 10), STARTED, now)).isEmpty();
    assertThat(ProgressBar.left(progress(60, 60, null, 10), STARTED, now)).isEmpty();
    assertThat(ProgressBar.left(progress(5, 0, null, 10), STARTED, now)).isEmpty();
    assertThat(ProgressBar.left(progress(5, 60, null, 10), null, now)).isEmpty();
  }
}
