package dev.jobs.backend.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobJson;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StandardStreamsTest {
  private final List<JobLogLine> lines = new CopyOnWriteArrayList<>();

  private JobLogger job(String id) {
    return new JobLogger("kind", id, 1, new JobLogger.Target(lines::add, Clock.systemUTC(), "req"));
  }

  private List<String> fields(String field) {
    return lines.stream()
        .map(line -> JobJson.MAPPER.readTree(line.json()))
        .map(event -> event.path(field).asString())
        .toList();
  }

  @Test
  void printlnWhileAJobRuns_isALineOfThatJobsLog() {
    try (StandardStreams.Capture capture = StandardStreams.capture(job("a"))) {
      System.out.println("to stdout");
      System.err.println("to stderr");
    }

    assertThat(fields("message")).containsExactly("to stdout", "to stderr");
    assertThat(fields("logger")).containsExactly("stdout", "stderr");
    assertThat(fields("level")).containsExactly("INFO", "ERROR");
  }

  @Test
  void aThreadTheJobStarts_writesToTheJobsLogToo() throws InterruptedException {
    try (StandardStreams.Capture capture = StandardStreams.capture(job("a"))) {
      Thread child = new Thread(() -> System.out.println("from a child"));
      child.start();
      child.join();
    }

    assertThat(fields("message")).containsExactly("from a child");
  }

  @Test
  void twoJobsOnTwoThreads_eachKeepOnlyTheirOwnLines() throws InterruptedException {
    Thread a = new Thread(() -> writeAs("a"));
    Thread b = new Thread(() -> writeAs("b"));
    a.start();
    b.start();
    a.join();
    b.join();

    for (JobLogLine line : lines) {
      JsonNode event = JobJson.MAPPER.readTree(line.json());
      assertThat(event.path("message").asString()).startsWith(line.jobId() + " ");
    }
    assertThat(lines).hasSize(200);
  }

  private void writeAs(String id) {
    try (StandardStreams.Capture capture = StandardStreams.capture(job(id))) {
      for (int i = 0; i < 100; i++) {
        System.out.println(id + " line " + i);
      }
    }
  }

  @Test
  void aLastLineWithoutItsBreak_isKeptWhenTheAttemptEnds() {
    try (StandardStreams.Capture capture = StandardStreams.capture(job("a"))) {
      System.out.print("no newline");
    }

    assertThat(fields("message")).containsExactly("no newline");
  }

  @Test
  void afterTheAttempt_writesAreNoLongerTheJobs() {
    try (StandardStreams.Capture capture = StandardStreams.capture(job("a"))) {
      System.out.println("during");
    }
    System.out.println("after (printed to the console by StandardStreamsTest)");

    assertThat(fields("message")).containsExactly("during");
  }
}
