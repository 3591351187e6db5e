package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.store.JobPage;
import dev.jobs.backend.store.JobQuery;
import dev.jobs.backend.store.JobStore;
import dev.jobs.local.ApiClient.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A failure the runtime did not expect: the client gets AWS's one line, and the stack trace goes to
 * standard error, which is {@code runtime.log} for a detached runtime.
 */
class InternalErrorIT {
  /** The job whose read breaks the table, as no client error could. */
  private static final String BROKEN = "broken-job";

  /** A list of this page size makes the table fail. */
  private static final int BROKEN_LIMIT = 99;

  @TempDir static Path directory;
  static LocalRuntime runtime;
  static ApiClient api;

  @BeforeAll
  static void start() {
    runtime = LocalRuntime.start(RuntimeOptions.defaults(directory, 0), InternalErrorIT::breaking);
    api = ApiClient.forRole(runtime);
  }

  @AfterAll
  static void stop() {
    runtime.stop(Duration.ZERO);
  }

  private static JobStore breaking(JobStore store) {
    return new JobStore() {
      @Override
      public Optional<JobRecord> find(String id) {
        if (id.equals(BROKEN)) {
          throw new IllegalStateException("the table broke reading " + id);
        }
        return store.find(id);
      }

      @Override
      public Optional<JobRecord> start(JobStart start) {
        return store.start(start);
      }

      @Override
      public boolean succeed(String id, JsonNode result, Instant finishedAt) {
        return store.succeed(id, result, finishedAt);
      }

      @Override
      public boolean fail(JobFailure failure) {
        return store.fail(failure);
      }

      @Override
      public JobPage list(JobQuery query) {
        if (query.limit() == BROKEN_LIMIT) {
          throw new IllegalStateException("the table broke listing");
        }
        return store.list(query);
      }
    };
  }

  @Test
  void get_handlerThrows_answers500InOneLineAndLogsTheStackTrace() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    Response response;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      response = api.get(BROKEN);
    } finally {
      System.setErr(stderr);
    }

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("{\"message\":\"Internal server error\"}");
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged)
        .contains("ERROR GET /prod/jobs/" + BROKEN + " failed")
        .contains("java.lang.IllegalStateException: the table broke reading " + BROKEN)
        .contains("\tat " + InternalErrorIT.class.getName() + "$1.find(");
  }

  @Test
  void list_storeThrows_answers500InOneLineAndLogsTheStackTrace() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    Response response;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      response = api.list("limit=" + BROKEN_LIMIT);
    } finally {
      System.setErr(stderr);
    }

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("ERROR GET /prod/jobs failed")
        .contains("java.lang.IllegalStateException: the table broke listing");
    assertThat(api.list("limit=98").status()).isEqualTo(200);
  }

  @Test
  void get_otherJobs_areServedAsUsual() {
    assertThat(api.get("no-such-job").status()).isEqualTo(404);
  }
}
