package dev.jobs.local.store;

import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQLite store keeps the same {@link JobStore} contract as the DynamoDB adapter. */
class SqliteJobStoreContractTest extends JobStoreContract {
  @RegisterExtension static final TemporaryDatabase sqlite = new TemporaryDatabase();

  @Override
  protected JobStore store() {
    return sqlite.store();
  }
}
