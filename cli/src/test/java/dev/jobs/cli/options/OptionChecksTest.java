package dev.jobs.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.testing.OnLocalTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each command checks its flags before any work: one usage line naming the flag, no call made. */
class OptionChecksTest extends OnLocalTarget {

  @BeforeEach
  void localStack() throws Exception {
    aws.acceptsSubmit("job-1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "submit --seconds 5 --wait --interval 0 | --interval must be positive, not 0s",
        "submit --seconds 5 --timeout PT-5S     | --timeout must be 0 or more, not PT-5S",
        "wait job-1 --grace PT-1S               | --grace must be 0 or more, not PT-1S",
        "wait job-1 --interval 0                | --interval must be positive, not 0s",
        "list --limit 0                         | --limit must be 1 to 100, not 0",
        "list --limit 101                       | --limit must be 1 to 100, not 101",
        "replay --since 1h --timeout PT-1M      | --timeout must be 0 or more, not PT-1M",
        "local stop --wait PT-1S                | --wait must be 0 or more, not PT-1S",
      })
  void aFlagOutOfRange_isOneUsageLine_beforeAnyCall(String line, String message) {
    assertThat(usageErrorBeforeAnyCall(line.trim().split(" +")))
        .isEqualTo("jobs: " + message.trim() + "\n");
  }

  @ParameterizedTest
  @CsvSource({
    "wait job-1 --timeout 99999999999999999999d, --timeout",
    "wait job-1 --timeout 999999999999999999d, --timeout",
    "list --since 99999999999999d, --since",
  })
  void aDurationTooLong_isOneUsageLine_withoutAJavaException(String line, String flag) {
    String err = usageErrorBeforeAnyCall(line.split(" "));

    assertThat(err.lines()).hasSize(1);
    assertThat(err).contains(flag).doesNotContain("Exception");
  }
}
