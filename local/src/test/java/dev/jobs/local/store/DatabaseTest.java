package dev.jobs.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path directory;

  @Test
  void walGivesItsDiskBack_onceWritesPause_withTheDatabaseStillOpen() throws Exception {
    Path wal = directory.resolve("jobs.db-wal");
    try (Database database = Database.open(directory)) {
      InvocationStore queue = new InvocationStore(database);
      List<CompletableFuture<Invocation>> writes = new ArrayList<>();
      for (int i = 0; i < 5_000; i++) {
        writes.add(queue.enqueue("f", "r" + i, "{\"padding\": \"" + "x".repeat(200) + "\"}", i));
      }
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();
      assertThat(Files.size(wal)).as("the WAL holds the burst").isPositive();

      long deadline = System.nanoTime() + 10_000_000_000L;
      while (Files.size(wal) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }

      assertThat(Files.size(wal)).as("the WAL after a pause").isZero();
      assertThat(queue.pending("f")).hasSize(5_000);
    }
  }
}
