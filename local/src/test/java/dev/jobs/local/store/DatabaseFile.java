package dev.jobs.local.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A data directory's database file opened with the bare JDBC driver, past the store's own code: to
 * read what is on disk, or to write a file as an older runtime left it.
 */
public final class DatabaseFile {
  private DatabaseFile() {}

  public static Connection open(Path dataDir) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("jobs.db"));
  }
}
