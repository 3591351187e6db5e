package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.queue.JobDispatcher;
import dev.jobs.backend.testing.FakeLambdaContext;
import dev.jobs.backend.testing.HandlerCalls;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dispatcher function: a stream batch in, Lambda's partial batch answer out. */
class DispatchJobHandlerTest {
  private final List<String> payloads = new ArrayList<>();

  private static String record(String sequence, String id) {
    return "{\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":{\"id\":{\"S\":\""
        + id
        + "\"}},\"NewImage\":{\"id\":{\"S\":\""
        + id
        + "\"},\"status\":{\"S\":\"QUEUED\"},\"parameters\":{\"S\":\"{}\"},"
        + "\"queuedAt\":{\"S\":\"2026-11-26T12:00:00Z\"}},\"SequenceNumber\":\""
        + sequence
        + "\"}}";
  }

  private String handle(DispatchJobHandler handler) throws Exception {
    return HandlerCalls.answer(
        handler,
        "{\"Records\":[" + record("111", "a") + "," + record("222", "b") + "]}",
        FakeLambdaContext.of(60_000));
  }

  @Test
  void batchDispatched_answersNoItemFailure() throws Exception {
    DispatchJobHandler handler = new DispatchJobHandler(new JobDispatcher(payloads::add));

    assertThat(handle(handler)).isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(payloads)
        .containsExactly(
            "{\"id\":\"a\",\"parameters\":{},\"queuedAt\":\"2026-11-26T12:00:00Z\"}",
            "{\"id\":\"b\",\"parameters\":{},\"queuedAt\":\"2026-11-26T12:00:00Z\"}");
  }

  @Test
  void invocationRefused_answersTheFirstRecordNotDispatched() throws Exception {
    DispatchJobHandler handler =
        new DispatchJobHandler(
            new JobDispatcher(
                payload -> {
                  throw new IllegalStateException("Lambda answered 429");
                }));

    assertThat(handle(handler)).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"111\"}]}");
  }
}
