package dev.jobs.local.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.local.protocol.AwsError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterPatternTest {
  private static final String LINE =
      "{\"timestamp\":\"2026-12-06T10:15:30.250Z\",\"level\":\"INFO\",\"message\":\"read\","
          + "\"logger\":\"flaky\",\"jobId\":\"job-1\",\"attempt\":2,\"detail\":{\"rows\":7}}";

  private static boolean matches(String pattern) {
    return FilterPattern.parse(pattern).matches(LINE);
  }

  @Test
  void theJobsPattern_matchesItsLinesAndNoOtherJobs() {
    assertThat(matches("{ $.jobId = \"job-1\" }")).isTrue();
    assertThat(matches("{ $.jobId = \"job-2\" }")).isFalse();
    assertThat(matches("{ $.jobId = \"job\" }")).isFalse();
  }

  @Test
  void jobAndAttempt_matchOnlyThatAttempt() {
    assertThat(matches("{ ($.jobId = \"job-1\") && ($.attempt = 2) }")).isTrue();
    assertThat(matches("{ ($.jobId = \"job-1\") && ($.attempt = 3) }")).isFalse();
  }

  @Test
  void orNotEqualNestedFieldsWildcardsAndNumberOrder_areServed() {
    assertThat(matches("{ $.level = \"ERROR\" || $.level = \"INFO\" }")).isTrue();
    assertThat(matches("{ $.level != \"INFO\" }")).isFalse();
    assertThat(matches("{ $.detail.rows >= 7 && $.attempt < 3 }")).isTrue();
    assertThat(matches("{ $.jobId = \"job-*\" }")).isTrue();
    assertThat(matches("{ $.missing = \"x\" }")).isFalse();
  }

  @Test
  void aStringNeverEqualsANumber() {
    assertThat(matches("{ $.attempt = \"2\" }")).isFalse();
    assertThat(matches("{ $.jobId = 1 }")).isFalse();
  }

  @Test
  void noPattern_matchesEveryLineEvenPlainText() {
    assertThat(FilterPattern.parse(null).matches("plain text")).isTrue();
    assertThat(FilterPattern.parse(" ").matches(LINE)).isTrue();
  }

  @Test
  void aJsonPattern_neverMatchesAPlainTextLine() {
    assertThat(FilterPattern.parse("{ $.jobId = \"job-1\" }").matches("job-1 plain")).isFalse();
  }

  @Test
  void theStoreReadsByJob_onlyWhenEveryMatchNeedsThatJob() {
    assertThat(FilterPattern.parse("{ $.jobId = \"job-1\" }").requiredJobId()).isEqualTo("job-1");
    assertThat(FilterPattern.parse("{ ($.attempt = 2) && ($.jobId = \"job-1\") }").requiredJobId())
        .isEqualTo("job-1");
    assertThat(FilterPattern.parse("{ $.jobId = \"job-1\" || $.attempt = 2 }").requiredJobId())
        .isNull();
    assertThat(FilterPattern.parse("{ $.jobId = \"job-*\" }").requiredJobId()).isNull();
  }

  @Test
  void onlyTheJobIdAlone_skipsParsing() {
    assertThat(FilterPattern.parse("{ $.jobId = \"job-1\" }").isJobIdOnly()).isTrue();
    assertThat(FilterPattern.parse("{ ($.jobId = \"job-1\") && ($.attempt = 2) }").isJobIdOnly())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ERROR",
        "[ip, user, status]",
        "{ $.jobId = }",
        "{ $.jobId = \"unterminated }",
        "{ ($.jobId = \"x\" }",
        "{ $.attempt > \"2\" }",
        "{ $.jobId = \"x\" } trailing"
      })
  void aPatternOutsideTheSubset_isRefusedInOneLine(String pattern) {
    assertThatThrownBy(() -> FilterPattern.parse(pattern))
        .isInstanceOf(AwsError.class)
        .hasMessageStartingWith("Invalid filter pattern for the local runtime: " + pattern)
        .extracting(e -> ((AwsError) e).code())
        .isEqualTo("InvalidParameterException");
  }
}
