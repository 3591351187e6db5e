package dev.jobs.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {
  @TempDir Path directory;

  @Test
  void submit_manyConcurrentWrites_allCommitAndSurviveReopen() throws Exception {
    try (Database database = Database.open(directory)) {
      InvocationStore queue = new InvocationStore(database);
      List<CompletableFuture<Invocation>> writes = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        writes.add(queue.enqueue("f", "r" + i, "{}", i));
      }
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();
    }
    try (Database database = Database.open(directory)) {
      assertThat(new InvocationStore(database).pending("f")).hasSize(2000);
    }
  }

  @Test
  void submit_failingWrite_rollsBackAloneAndOthersCommit() throws Exception {
    try (Database database = Database.open(directory)) {
      InvocationStore queue = new InvocationStore(database);
      CompletableFuture<Invocation> before = queue.enqueue("f", "before", "{}", 0);
      CompletableFuture<Object> failing =
          database.submit(
              connection -> {
                InvocationStore.insert(connection, "f", "rolled-back", "{}", 0);
                throw new SQLException("refused");
              });
      CompletableFuture<Invocation> after = queue.enqueue("f", "after", "{}", 0);

      assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class);
      before.get();
      after.get();
      assertThat(queue.pending("f"))
          .extracting(Invocation::requestId)
          .containsExactly("before", "after");
    }
  }
}
