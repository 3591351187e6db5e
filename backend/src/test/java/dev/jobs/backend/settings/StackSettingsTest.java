package dev.jobs.backend.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackSettingsTest {
  @Test
  void aSetting_withItsDefaultOutsideItsRange_isRefused() {
    assertThatThrownBy(() -> new Setting("X", 0, 1, 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("X: default 0 is outside 1 to 9");
  }

  @Test
  void range_saysBothEnds_orOnlyTheLowerOneWhenUnbounded() {
    assertThat(StackSettings.PROCESSING_TIMEOUT_SECONDS.range()).isEqualTo("1 to 900");
    assertThat(StackSettings.JOB_RETENTION_DAYS.range()).isEqualTo("at least 1");
  }

  @Test
  void allows_holdsTheEnds_andNothingBeyond() {
    Setting age = StackSettings.PROCESSING_MAX_EVENT_AGE_SECONDS;
    assertThat(age.allows(60)).isTrue();
    assertThat(age.allows(21600)).isTrue();
    assertThat(age.allows(59)).isFalse();
    assertThat(age.allows(21601)).isFalse();
  }

  @Test
  void reservedConcurrency_reservesNoneByDefault() {
    assertThat(StackSettings.PROCESSING_RESERVED_CONCURRENCY.defaultValue()).isZero();
  }

  @Test
  void byParameter_findsTheSettingOfAStackParameter() {
    assertThat(StackSettings.byParameter("ProcessingRetryAttempts"))
        .contains(StackSettings.PROCESSING_RETRY_ATTEMPTS);
    assertThat(StackSettings.byParameter("LogRetentionDays")).isEmpty();
  }

  @Test
  void choicesOf_givesTheAllowedValuesAsText_ofChoiceParametersOnly() {
    assertThat(StackSettings.choicesOf("WafEnabled")).contains(List.of("false", "true"));
    assertThat(StackSettings.choicesOf("LogRetentionDays").orElseThrow())
        .startsWith("1", "3")
        .endsWith("3653");
    assertThat(StackSettings.choicesOf("ProcessingRetryAttempts")).isEmpty();
  }

  @Test
  void theInvokeRolesMaximumSession_isOneIamAccepts() {
    // IAM's MaxSessionDuration is 1 to 12 hours.
    assertThat(StackSettings.INVOKE_ROLE_MAX_SESSION_SECONDS).isBetween(3600, 43200);
  }
}
