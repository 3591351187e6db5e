package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.store.ForwardingJobStore;
import dev.jobs.backend.store.JobPage;
import dev.jobs.backend.store.JobQuery;
import dev.jobs.backend.store.JobStore;
import dev.jobs.local.ApiClient.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A failure the runtime did not expect: the client gets AWS's one line, and the stack trace goes to
 * standard error, which is {@code runtime.log} for a detached runtime.
 */
class InternalErrorIT {
  /** The job whose read breaks the table, as no client error could. */
  private static final String BROKEN = "broken-job";

  /** A list of this page size makes the table fail. */
  private static final int BROKEN_LIMIT = 99;

  @RegisterExtension
  static final RunningRuntime local =
      new RunningRuntime(UnaryOperator.identity(), InternalErrorIT::breaking);

  private static JobStore breaking(JobStore store) {
    return new ForwardingJobStore(store) {
      @Override
      public Optional<JobRecord> find(String id) {
        if (id.equals(BROKEN)) {
          throw new IllegalStateException("the table broke reading " + id);
        }
        return super.find(id);
      }

      @Override
      public JobPage list(JobQuery query) {
        if (query.limit() == BROKEN_LIMIT) {
          throw new IllegalStateException("the table broke listing");
        }
        return super.list(query);
      }
    };
  }

  @Test
  void get_handlerThrows_answers500InOneLineAndLogsTheStackTrace() {
    String stderr = answeredInternalError(() -> local.api().get(BROKEN));

    assertThat(stderr)
        .contains("ERROR GET /prod/jobs/" + BROKEN + " failed")
        .contains("java.lang.IllegalStateException: the table broke reading " + BROKEN)
        .contains("\tat " + InternalErrorIT.class.getName() + "$1.find(");
  }

  @Test
  void list_storeThrows_answers500InOneLineAndLogsTheStackTrace() {
    String stderr = answeredInternalError(() -> local.api().list("limit=" + BROKEN_LIMIT));

    assertThat(stderr)
        .contains("ERROR GET /prod/jobs failed")
        .contains("java.lang.IllegalStateException: the table broke listing");
    assertThat(local.api().list("limit=98").status()).isEqualTo(200);
  }

  /**
   * Asserts that the call is answered API Gateway's 500; returns what the runtime wrote to stderr
   * while it ran.
   */
  private static String answeredInternalError(Supplier<Response> call) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    Response response;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      response = call.get();
    } finally {
      System.setErr(stderr);
    }
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("{\"message\":\"Internal server error\"}");
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void get_otherJobs_areServedAsUsual() {
    assertThat(local.api().get("no-such-job").status()).isEqualTo(404);
  }
}
