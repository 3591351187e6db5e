package dev.jobs.local.store;

import dev.jobs.local.ScratchDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A store test's database in a directory of its own, with the job store over it: opened before and
 * closed (its directory deleted) after each test when registered on an instance field, or the whole
 * class's when on a static one, as a store contract that keeps its jobs between tests wants.
 */
final class TemporaryDatabase
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private boolean perClass;
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
  public void beforeAll(ExtensionContext context) throws IOException {
    perClass = true;
    open();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (!perClass) {
      open();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (!perClass) {
      close();
    }
  }

  private void open() throws IOException {
    directory = Files.createTempDirectory("jobs-store-test");
    database = Database.open(directory);
    store = new SqliteJobStore(database);
  }

  private void close() throws IOException {
    database.close();
    ScratchDirectory.delete(directory);
  }
}
