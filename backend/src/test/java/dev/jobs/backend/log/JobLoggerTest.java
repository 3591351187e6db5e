package dev.jobs.backend.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.testing.ManualClock;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JobLoggerTest {
  private static final String ID = "5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10";

  private final List<JobLogLine> lines = new ArrayList<>();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:15:30.250Z"));
  private final JobLogger log =
      new JobLogger("wordcount", ID, 2, new JobLogger.Target(lines::add, clock, "req-1"));

  private JsonNode only() {
    assertThat(lines).hasSize(1);
    return JobJson.MAPPER.readTree(lines.get(0).json());
  }

  @Test
  void aLine_isOneJsonEventWithLambdasFieldsThenTheJobs() {
    log.log(Level.INFO, "read 3 files");

    assertThat(lines.get(0).json())
        .isEqualTo(
            "{\"timestamp\":\"2026-12-06T10:15:30.250Z\",\"level\":\"INFO\","
                + "\"message\":\"read 3 files\",\"requestId\":\"req-1\",\"logger\":\"wordcount\","
                + "\"jobId\":\""
                + ID
                + "\",\"attempt\":2}");
    assertThat(lines.get(0))
        .extracting(JobLogLine::jobId, JobLogLine::attempt, JobLogLine::timestamp)
        .containsExactly(ID, 2, clock.millis());
  }

  @Test
  void aWarning_isWrittenWithLambdasLevelName() {
    log.log(Level.WARNING, "slow disk");

    assertThat(only().path("level").asString()).isEqualTo("WARN");
  }

  @Test
  void parameters_areFormattedAsMessageFormatDoes() {
    log.log(Level.INFO, "read {0} rows from {1}", 1200, "a.csv");

    assertThat(only().path("message").asString()).isEqualTo("read 1,200 rows from a.csv");
  }

  @Test
  void aThrowable_addsItsTypeMessageAndStackTrace() {
    log.log(Level.ERROR, "could not read", new IllegalStateException("disk gone"));

    JsonNode event = only();
    assertThat(event.path("message").asString()).isEqualTo("could not read");
    assertThat(event.path("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
    assertThat(event.path("errorMessage").asString()).isEqualTo("disk gone");
    assertThat(event.path("stackTrace").get(0).asString()).contains("JobLoggerTest");
  }

  @Test
  void aMessageWithLineBreaksAndQuotes_staysOneLine() {
    log.log(Level.INFO, "first\nsecond \"quoted\"");

    assertThat(lines.get(0).json()).doesNotContain("\n");
    assertThat(only().path("message").asString()).isEqualTo("first\nsecond \"quoted\"");
  }

  @Test
  void aLineAboutTheWholeJob_hasNoAttemptNorRequest() {
    new JobLogger("jobs.failures", ID, null, new JobLogger.Target(lines::add, clock, null))
        .log(Level.ERROR, "recorded FAILED");

    JsonNode event = only();
    assertThat(event.has("attempt")).isFalse();
    assertThat(event.has("requestId")).isFalse();
    assertThat(lines.get(0).attempt()).isNull();
  }

  @Test
  void aLongMessage_isCutToTheMostKept() {
    log.log(Level.INFO, "x".repeat(JobLogger.MAX_MESSAGE + 10));

    assertThat(only().path("message").asString()).hasSize(JobLogger.MAX_MESSAGE);
  }

  @Test
  void aSinkThatFails_failsNotTheCaller() {
    JobLogger failing =
        new JobLogger(
            "k",
            ID,
            1,
            new JobLogger.Target(
                line -> {
                  throw new IllegalStateException("store closed");
                },
                clock,
                null));

    failing.log(Level.INFO, "still running");

    assertThat(failing.isLoggable(Level.INFO)).isTrue();
  }
}
