package dev.jobs.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store's hand-offs between queues, the archive and a replay's progress: each commits both of
 * its writes or, failing, neither. A null payload breaks the second write (its column is NOT NULL),
 * as a full disk or a closing database would.
 */
class HandOffTest {
  @RegisterExtension final TemporaryDatabase sqlite = new TemporaryDatabase();
  private InvocationStore queue;
  private ArchiveStore archive;
  private ReplayStore replays;

  @BeforeEach
  void open() {
    queue = new InvocationStore(sqlite.database());
    archive = new ArchiveStore(sqlite.database());
    replays = new ReplayStore(sqlite.database());
  }

  private Invocation failed() {
    return queue.enqueue("processing", "r1", "{\"id\":\"job-1\"}", 0).join();
  }

  @Test
  void handOn_movesTheFailureToTheOtherFunctionsQueue() {
    Invocation failed = failed();

    Invocation next = queue.handOn(failed, "error-handler", "r2", "{\"record\":1}", 5);

    assertThat(queue.pending("processing")).isEmpty();
    assertThat(queue.pending("error-handler")).containsExactly(next);
    assertThat(next.payload()).isEqualTo("{\"record\":1}");
  }

  @Test
  void handOn_failingToQueueTheRecord_keepsTheFailedInvocation() {
    Invocation failed = failed();

    assertThatThrownBy(() -> queue.handOn(failed, "error-handler", "r2", null, 5));

    assertThat(queue.pending("processing")).containsExactly(failed);
    assertThat(queue.pending("error-handler")).isEmpty();
  }

  @Test
  void archiveFailure_removesTheFailedInvocationAndArchivesTheRecord() {
    Invocation failed = failed();

    archive.archiveFailure(failed, "archive", new ArchiveStore.Event("e1", 7, "{\"event\":1}"));

    assertThat(queue.pending("processing")).isEmpty();
    assertThat(archive.between("archive", 0, Long.MAX_VALUE, 0, 10))
        .extracting(ArchivedEvent::eventId, ArchivedEvent::time, ArchivedEvent::event)
        .containsExactly(tuple("e1", 7L, "{\"event\":1}"));
  }

  @Test
  void archiveFailure_failingToArchive_keepsTheFailedInvocation() {
    Invocation failed = failed();

    assertThatThrownBy(
        () -> archive.archiveFailure(failed, "archive", new ArchiveStore.Event("e1", 7, null)));

    assertThat(queue.pending("processing")).containsExactly(failed);
    assertThat(archive.size("archive")[0]).isZero();
  }

  @Test
  void deliver_queuesTheEventAndRecordsTheReplaysProgress() {
    replays.create(replay());
    archive.append("archive", List.of(new ArchiveStore.Event("e1", 7, "{\"event\":1}")));
    ArchivedEvent event = archive.between("archive", 0, Long.MAX_VALUE, 0, 10).get(0);

    Invocation delivered = replays.deliver("r", event, "processing", "r1", "{\"replayed\":1}", 9);

    assertThat(queue.pending("processing")).containsExactly(delivered);
    assertThat(replays.lastSeq("r")).isEqualTo(event.seq());
    assertThat(replays.find("r").orElseThrow().lastReplayed()).isEqualTo(7L);
  }

  @Test
  void deliver_failingToQueue_leavesTheProgressWhereItWas() {
    replays.create(replay());
    archive.append("archive", List.of(new ArchiveStore.Event("e1", 7, "{\"event\":1}")));
    ArchivedEvent event = archive.between("archive", 0, Long.MAX_VALUE, 0, 10).get(0);

    assertThatThrownBy(() -> replays.deliver("r", event, "processing", "r1", null, 9));

    assertThat(queue.pending("processing")).isEmpty();
    assertThat(replays.lastSeq("r")).isZero();
  }

  private static Replay replay() {
    return new Replay(
        "r", null, "arn:archive", "arn:bus", 0, Long.MAX_VALUE, "RUNNING", null, 0, null, null);
  }
}
