package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.store.ForwardingJobStore;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.backend.store.JobStoreException;
import dev.jobs.backend.testing.ManualClock;
import dev.jobs.kind.JobCancelledException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The throttle of progress and heartbeat writes, and the cancel flag their answers carry. */
class LambdaJobContextTest {
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  private static final String ID = "job-1";

  private final ManualClock clock = new ManualClock(T0);
  private final InMemoryJobStore records = new InMemoryJobStore();
  private final AtomicInteger writes = new AtomicInteger();
  private final ForwardingJobStore store =
      new ForwardingJobStore(records) {
        @Override
        public Heartbeat progress(String id, int attempt, JobProgress progress, Instant at) {
          writes.incrementAndGet();
          return super.progress(id, attempt, progress, at);
        }
      };

  private LambdaJobContext started() {
    records.start(
        new JobStart(ID, "sleep", JobJson.MAPPER.createObjectNode(), T0, 1, null, 900, null));
    return new LambdaJobContext(
        ID, 1, () -> Duration.ofMinutes(15), store, clock, T0, false, System.getLogger("test"));
  }

  @Test
  void progress_manyCallsWithinASecond_writeOnceASecondWithTheLatestValue() {
    LambdaJobContext context = started();

    for (int i = 1; i <= 1000; i++) {
      context.progress(i, 2000, "item " + i);
    }
    clock.advance(Duration.ofSeconds(1));
    context.progress(1001, 2000, "item 1001");

    assertThat(writes).hasValue(1);
    assertThat(records.find(ID).orElseThrow().progress())
        .isEqualTo(new JobProgress(1001, 2000, "item 1001", T0.plusSeconds(1)));
  }

  @Test
  void flush_writesThePendingProgressBeforeTheJobEnds() {
    LambdaJobContext context = started();
    context.progress(5, 10, null);

    context.flush();
    context.flush();

    assertThat(writes).hasValue(1);
    assertThat(records.find(ID).orElseThrow().progress())
        .isEqualTo(new JobProgress(5, 10, null, T0));
  }

  @Test
  void cancelRequested_asksTheStoreOnlyOnceTheLastWriteIsASecondOld() {
    LambdaJobContext context = started();
    records.cancel(ID, T0, 1);

    assertThat(context.cancelRequested()).isFalse();
    assertThat(writes).hasValue(0);

    clock.advance(Duration.ofMillis(1000));
    assertThat(context.cancelRequested()).isTrue();
    assertThat(writes).hasValue(1);
    assertThat(records.find(ID).orElseThrow().heartbeatAt()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void checkCancelled_throwsOnceAProgressWriteBroughtTheCancelBack() {
    LambdaJobContext context = started();
    context.checkCancelled();
    records.cancel(ID, T0, 1);
    clock.advance(Duration.ofSeconds(1));

    context.progress(1, 2, null);

    assertThatThrownBy(context::checkCancelled)
        .isInstanceOf(JobCancelledException.class)
        .hasMessage("job job-1 was cancelled");
    assertThat(writes).hasValue(1);
  }

  @Test
  void progress_afterTheAttemptIsOver_writesNoMore() {
    LambdaJobContext context = started();
    records.succeed(ID, JobJson.MAPPER.createObjectNode(), T0);
    clock.advance(Duration.ofSeconds(1));
    context.progress(1, 2, null);

    clock.advance(Duration.ofSeconds(1));
    context.progress(2, 2, null);
    context.flush();

    assertThat(writes).hasValue(1);
    assertThat(records.find(ID).orElseThrow().progress()).isNull();
  }

  @Test
  void progress_storeOutage_doesNotFailTheJobAndKeepsTheValueForTheNextWrite() {
    LambdaJobContext context = started();
    clock.advance(Duration.ofSeconds(1));
    records.failWrites(new JobStoreException("table unavailable", new RuntimeException()));

    context.progress(1, 2, "first");

    records.failWrites(null);
    context.flush();
    assertThat(records.find(ID).orElseThrow().progress())
        .isEqualTo(new JobProgress(1, 2, "first", T0.plusSeconds(1)));
  }

  @Test
  void progress_negative_isRefusedWithOneLineAndWritesNothing() {
    LambdaJobContext context = started();
    clock.advance(Duration.ofSeconds(1));

    assertThatThrownBy(() -> context.progress(-1, 10, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("progress must not be negative: done -1, total 10");

    assertThat(writes).hasValue(0);
  }
}
