package dev.jobs.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.cli.api.RetryPolicy;
import dev.jobs.cli.app.Jobs;
import dev.jobs.cli.aws.WireLog;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.MainClass;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Small parts: durations, points in time, retry delays, redaction. */
class UnitsTest {
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @Test
  void durations_takeShortFormsAndIso() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("3d")).isEqualTo(Duration.ofDays(3));
    assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Durations.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> Durations.parse("soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("90s, 5m, 2h, 3d");
    assertThatThrownBy(() -> new Durations.Converter().convert("soon"))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessage("'soon' is not a duration; use e.g. 90s, 5m, 2h, 3d or PT5M");
  }

  @Test
  void durations_formatShortly() {
    assertThat(Durations.format(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(Durations.format(Duration.ofSeconds(187))).isEqualTo("3m07s");
    assertThat(Durations.format(Duration.ofMinutes(62))).isEqualTo("1h02m");
  }

  @Test
  void timeSpec_isAnInstantOrADurationAgo() {
    assertThat(new TimeSpec("90m").resolve(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(90)));
    assertThat(new TimeSpec("3d").resolve(NOW)).isEqualTo(NOW.minus(Duration.ofDays(3)));
    assertThat(new TimeSpec("2026-11-25T08:00:00Z").resolve(NOW))
        .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    assertThat(new TimeSpec("2026-11-25T10:00:00+02:00").resolve(NOW))
        .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    assertThatThrownBy(() -> new TimeSpec.Converter().convert("2026-13-45T00:00:00Z"))
        .isInstanceOf(CommandLine.TypeConversionException.class);
  }

  @Test
  void retryDelay_honoursRetryAfterSecondsAndDates_capped() {
    RetryPolicy policy = RetryPolicy.DEFAULT;
    assertThat(policy.delay(1, "7", NOW)).isEqualTo(Duration.ofSeconds(7));
    assertThat(policy.delay(1, "Thu, 26 Nov 2026 12:00:10 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.delay(1, "3600", NOW)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void retryDelay_withoutRetryAfter_growsExponentiallyWithJitter_andIsCapped() {
    RetryPolicy policy = RetryPolicy.DEFAULT;
    for (int i = 0; i < 50; i++) {
      assertThat(policy.delay(1, null, NOW))
          .isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(policy.delay(3, null, NOW))
          .isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
      assertThat(policy.delay(12, null, NOW)).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }
  }

  @Test
  void wireLog_redactsSecretsInHeadersAndBodies() {
    assertThat(WireLog.redactHeader("Authorization", "AWS4-HMAC-SHA256 Credential=..."))
        .isEqualTo("<redacted>");
    assertThat(WireLog.redactHeader("x-amz-security-token", "tok")).isEqualTo("<redacted>");
    assertThat(WireLog.redactHeader("Content-Type", "application/json"))
        .isEqualTo("application/json");
    assertThat(
            WireLog.redactBody(
                "<SecretAccessKey>s3cr3t</SecretAccessKey><SessionToken>t</SessionToken>"))
        .isEqualTo(
            "<SecretAccessKey><redacted></SecretAccessKey><SessionToken><redacted></SessionToken>");
    assertThat(WireLog.redactBody("{\"secretAccessKey\":\"s3cr3t\",\"region\":\"us-east-1\"}"))
        .isEqualTo("{\"secretAccessKey\":\"<redacted>\",\"region\":\"us-east-1\"}");
    assertThat(WireLog.redactBody("https://x/?X-Amz-Signature=abc&y=1"))
        .isEqualTo("https://x/?X-Amz-Signature=<redacted>&y=1");
  }

  @Test
  void mainClassName_isTheEntryPoint_withAMainMethod() throws Exception {
    Class<?> main = Class.forName(MainClass.NAME);

    assertThat(main).isEqualTo(Jobs.class);
    assertThat(Modifier.isStatic(main.getMethod("main", String[].class).getModifiers())).isTrue();
  }

  @Test
  void helpListsTheExitCodes() {
    java.io.StringWriter out = new java.io.StringWriter();
    int code =
        Jobs.run(
            new java.io.PrintWriter(out),
            new java.io.PrintWriter(new java.io.StringWriter()),
            "--help");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("Exit codes:")
        .contains("3     the job FAILED")
        .contains("5     credentials or authorization")
        .contains("130   interrupted");
  }

  @Test
  void usageError_isOneLineWithExit2() {
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Jobs.run(
            new java.io.PrintWriter(new java.io.StringWriter()),
            new java.io.PrintWriter(err),
            "get");
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString())
        .isEqualTo("jobs: Missing required parameter: 'ID' (see: jobs get --help)\n");
  }
}
