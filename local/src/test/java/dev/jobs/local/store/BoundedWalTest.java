package dev.jobs.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAL under a steady stream of commits with readers beside them: a passive checkpoint alone
 * never catches up, and SQLite starts the WAL over only once every frame is copied, so before the
 * bound the WAL grew by every byte written (gigabytes in minutes of a bulk load).
 */
class BoundedWalTest {
  /** 256 frames: about 1 MB. */
  private static final int LIMIT_FRAMES = 256;

  private static final int ROW_BYTES = 16 * 1024;

  @TempDir Path directory;

  @Test
  void wal_underSustainedWritesAndReads_staysNearItsLimit_andIsEmptiedWhenTheWritesPause()
      throws Exception {
    Path wal = directory.resolve("jobs.db-wal");
    try (Database database = Database.open(directory, LIMIT_FRAMES)) {
      database.write(
          connection -> {
            try (Statement statement = connection.createStatement()) {
              statement.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)");
            }
            return null;
          });
      // Where the writer starts the WAL over, SQLite cuts its file back to the limit.
      long sizeLimit =
          database.<Long>write(
              connection -> {
                try (Statement statement = connection.createStatement();
                    ResultSet limit = statement.executeQuery("PRAGMA journal_size_limit")) {
                  return limit.next() ? limit.getLong(1) : -1L;
                }
              });
      assertThat(sizeLimit).isEqualTo(LIMIT_FRAMES * (4_096L + 24));
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong reads = new AtomicLong();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        Thread reader =
            new Thread(
                () -> {
                  while (writing.get()) {
                    database.read(
                        connection -> {
                          try (Statement statement = connection.createStatement();
                              ResultSet rows =
                                  statement.executeQuery("SELECT count(*) FROM filler")) {
                            return rows.next() ? rows.getLong(1) : 0;
                          }
                        });
                    reads.incrementAndGet();
                  }
                });
        reader.start();
        readers.add(reader);
      }

      long written = 0;
      long largestWal = 0;
      byte[] body = new byte[ROW_BYTES];
      // 64 MB in batches of 32 rows: ~60 times the limit.
      for (int batch = 0; batch < 128; batch++) {
        List<CompletableFuture<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          rows.add(
              database.submit(
                  connection -> {
                    try (PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO filler (body) VALUES (?)")) {
                      insert.setBytes(1, body);
                      return insert.executeUpdate();
                    }
                  }));
          written += ROW_BYTES;
        }
        CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new)).get();
        largestWal = Math.max(largestWal, sizeOf(wal));
      }
      writing.set(false);
      for (Thread reader : readers) {
        reader.join();
      }

      assertThat(reads.get()).isPositive();
      assertThat(written).isGreaterThan(60_000_000L);
      // Unbounded, the WAL would hold all that was written. Bounded, it holds the limit and what
      // the writer commits while a checkpoint runs: a second or so of writes on a busy machine.
      assertThat(largestWal).isLessThan(written / 2);
      long emptied = System.nanoTime() + 5_000_000_000L;
      while (sizeOf(wal) > 0 && System.nanoTime() < emptied) {
        Thread.sleep(50);
      }
      assertThat(sizeOf(wal)).isZero();
    }
  }

  private static long sizeOf(Path file) throws IOException {
    return Files.exists(file) ? Files.size(file) : 0;
  }
}
