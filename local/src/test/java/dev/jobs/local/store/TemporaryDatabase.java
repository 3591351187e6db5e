package dev.jobs.local.store;

import dev.jobs.backend.testing.FieldScopedResource;
import dev.jobs.local.ScratchDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A store test's database in a directory of its own, with the job store over it: opened before and
 * closed (its directory deleted) after each test when registered on an instance field, or the whole
 * class's when on a static one, as a store contract that keeps its jobs between tests wants.
 */
final class TemporaryDatabase extends FieldScopedResource {
  private Path directory;
  private Database database;
  private SqliteJobStore store;

  Database database() {
    return database;
  }

  SqliteJobStore store() {
    return store;
  }

  /** The database's directory, where a test may put others of its own. */
  Path directory() {
    return directory;
  }

  /** Closes the database and opens it again from its directory, as a restarted runtime would. */
  void reopen() {
    database.close();
    database = Database.open(directory);
    store = new SqliteJobStore(database);
  }

  @Override
  protected void open() throws IOException {
    directory = Files.createTempDirectory("jobs-store-test");
    database = Database.open(directory);
    store = new SqliteJobStore(database);
  }

  @Override
  protected void close() throws IOException {
    database.close();
    ScratchDirectory.delete(directory);
  }
}
