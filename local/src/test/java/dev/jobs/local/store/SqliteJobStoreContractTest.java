package dev.jobs.local.store;

import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store keeps the same {@link JobStore} contract as the DynamoDB adapter. */
class SqliteJobStoreContractTest extends JobStoreContract {
  @TempDir static Path directory;
  private static Database database;
  private static SqliteJobStore store;

  @BeforeAll
  static void open() {
    database = Database.open(directory);
    store = new SqliteJobStore(database);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  protected JobStore store() {
    return store;
  }
}
