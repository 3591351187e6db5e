package dev.jobs.backend.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunTimeBucketsTest {
  @Test
  void aRunTimeReadsAsTheTopOfItsBucket_neverBelow_atMost4point5PercentAbove() {
    for (long millis = 0;
        millis < 5_000_000;
        millis = millis < 100 ? millis + 1 : millis * 101 / 100) {
      long top = RunTimeBuckets.top(RunTimeBuckets.of(millis));
      assertThat(top).as("%d ms", millis).isGreaterThanOrEqualTo(millis);
      assertThat(top)
          .as("%d ms", millis)
          .isLessThanOrEqualTo(Math.max(millis, (long) (millis * 1.045)));
    }
  }

  @Test
  void under23Milliseconds_everyRunTimeIsExact() {
    for (long millis = 0; millis < 23; millis++) {
      assertThat(RunTimeBuckets.top(RunTimeBuckets.of(millis))).isEqualTo(millis);
    }
  }

  @Test
  void bucketsFollowTheOrderOfRunTimes_andTheLastTakesEverythingLonger() {
    for (long millis = 1; millis < 10_000_000; millis = millis * 3 / 2 + 1) {
      assertThat(RunTimeBuckets.of(millis)).isGreaterThanOrEqualTo(RunTimeBuckets.of(millis - 1));
    }
    assertThat(RunTimeBuckets.of(Long.MAX_VALUE)).isEqualTo(RunTimeBuckets.COUNT - 1);
    assertThat(RunTimeBuckets.of(-5)).isZero();
  }
}
