package dev.jobs.local.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps the WAL near a limit under any load. Under a steady stream of commits a passive checkpoint
 * never catches up with the writer, and SQLite starts the WAL over only once every frame is copied:
 * left alone, the WAL grows by every commit until the runtime stops (gigabytes in minutes of a bulk
 * load). Two steps keep it bounded:
 *
 * <ul>
 *   <li>each tick, on a connection of its own, a passive checkpoint copies what it can without
 *       holding up the writer, and when nothing was committed since the last tick, a TRUNCATE
 *       checkpoint empties the file;
 *   <li>once the WAL is past the limit, the writer itself runs a RESTART checkpoint between two
 *       transactions: it copies only what the passive ones have not, and the next commit starts the
 *       WAL over, its file cut back to the limit ({@code journal_size_limit}). Run from another
 *       connection, a RESTART would wait for a gap between the writer's transactions that its busy
 *       handler's sleeps all but never hit, holding the checkpoint lock all the while.
 * </ul>
 */
final class WalBound {
  /** A WAL frame: a page of the default 4 KiB and its header. */
  private static final long FRAME_BYTES = 4_096 + 24;

  /** SQLite's checkpoint modes used here. */
  private enum Mode {
    PASSIVE,
    RESTART,
    TRUNCATE
  }

  private final Path walFile;
  private final int limitFrames;
  private long lastLogFrames = -1;

  WalBound(Path walFile, int limitFrames) {
    this.walFile = walFile;
    this.limitFrames = limitFrames;
  }

  /** The {@code journal_size_limit} the writer's connection sets. */
  long limitBytes() {
    return limitFrames * FRAME_BYTES;
  }

  /** The background tick, on a connection of its own. */
  void tick(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      long logFrames = checkpoint(statement, Mode.PASSIVE);
      if (logFrames > 0 && logFrames == lastLogFrames) {
        logFrames = checkpoint(statement, Mode.TRUNCATE);
      }
      lastLogFrames = logFrames;
    }
  }

  /**
   * After a commit, on the writer's connection (no transaction open). Busy when a passive
   * checkpoint holds the checkpoint lock: the next commit tries again.
   */
  void afterCommit(Connection writer) throws SQLException {
    if (walBytes() > limitBytes()) {
      try (Statement statement = writer.createStatement()) {
        checkpoint(statement, Mode.RESTART);
      }
    }
  }

  /** Empties the WAL file: on close. */
  static void truncate(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      checkpoint(statement, Mode.TRUNCATE);
    }
  }

  private long walBytes() {
    try {
      return Files.size(walFile);
    } catch (IOException e) {
      return 0; // No WAL file (yet): nothing to bound.
    }
  }

  /** Runs a checkpoint of the mode; answers the WAL's size in frames, or -1 when it was busy. */
  private static long checkpoint(Statement statement, Mode mode) throws SQLException {
    try (ResultSet result =
        switch (mode) {
          case PASSIVE -> statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)");
          case RESTART -> statement.executeQuery("PRAGMA wal_checkpoint(RESTART)");
          case TRUNCATE -> statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)");
        }) {
      return result.next() && result.getInt(1) == 0 ? result.getLong(2) : -1;
    }
  }
}
