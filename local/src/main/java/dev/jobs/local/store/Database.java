package dev.jobs.local.store;

import dev.jobs.backend.store.DaemonThreads;
import dev.jobs.backend.store.JobStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The runtime's SQLite database in WAL mode with {@code synchronous=FULL}: every write goes through
 * one {@link GroupCommitWriter}; reads use a small pool of their own connections, which WAL lets
 * run beside the writer. SQLite's automatic checkpoint is off, because it runs inside whichever
 * commit crosses the threshold and makes that commit slow; a background connection checkpoints
 * instead, and keeps the WAL bounded (see {@link WalBound}). Only the store's classes run work on
 * it: each of their operations is one transaction, and no connection leaves the package.
 */
public final class Database implements AutoCloseable {
  private static final int READERS = 8;

  /** How often the background connection checkpoints. */
  static final Duration CHECKPOINT_EVERY = Duration.ofMillis(250);

  /**
   * The WAL's size, in frames (a page and its 24-byte header), past which a checkpoint restarts it:
   * about 64 MB. It is also the size SQLite truncates the WAL file to when it restarts.
   */
  static final int WAL_LIMIT_FRAMES = 16_384;

  private final String url;
  private final GroupCommitWriter writer;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final Connection checkpointConnection;
  private final ScheduledExecutorService checkpointer;
  private final WalBound walBound;
  private int openedReaders;

  private Database(
      String url, Connection writeConnection, Connection checkpointConnection, WalBound walBound)
      throws SQLException {
    this.url = url;
    this.walBound = walBound;
    this.writer = new GroupCommitWriter(writeConnection, walBound);
    this.checkpointConnection = checkpointConnection;
    this.checkpointer =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sqlite-checkpoint"));
    long every = CHECKPOINT_EVERY.toMillis();
    checkpointer.scheduleWithFixedDelay(this::checkpoint, every, every, TimeUnit.MILLISECONDS);
  }

  /** Opens (and creates when new) {@code jobs.db} in a directory. */
  public static Database open(Path directory) {
    return open(directory, WAL_LIMIT_FRAMES);
  }

  /** Opens {@code jobs.db} with the WAL bounded at another size (tests: a small one). */
  static Database open(Path directory, int walLimitFrames) {
    try {
      PrivateFiles.directory(directory);
      // SQLite gives its -wal and -shm files the database file's mode: made 0600 first, they are
      // too.
      Path file = directory.resolve("jobs.db");
      PrivateFiles.file(file);
      PrivateFiles.restrictIfExists(directory.resolve("jobs.db-wal"));
      PrivateFiles.restrictIfExists(directory.resolve("jobs.db-shm"));
      String url = "jdbc:sqlite:" + file.toAbsolutePath();
      WalBound walBound = new WalBound(directory.resolve("jobs.db-wal"), walLimitFrames);
      Properties writing = connectionProperties();
      // Where the writer starts the WAL over, SQLite cuts its file back to this size.
      writing.setProperty("journal_size_limit", Long.toString(walBound.limitBytes()));
      Connection write = DriverManager.getConnection(url, writing);
      try (Statement statement = write.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=FULL");
        statement.execute("PRAGMA wal_autocheckpoint=0");
        statement.execute("PRAGMA busy_timeout=10000");
        Schema.create(statement);
      }
      return new Database(url, write, reader(url), walBound);
    } catch (SQLException | java.io.IOException e) {
      throw new JobStoreException("could not open the local database in " + directory, e);
    }
  }

  /**
   * The driver by default runs {@code SELECT last_insert_rowid()} after every INSERT for
   * getGeneratedKeys, which nothing here calls (inserts that need their key use RETURNING): off, an
   * upsert of a job costs the single writer ~5 us instead of ~8 us.
   */
  private static Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty("jdbc.get_generated_keys", "false");
    return properties;
  }

  private static Connection reader(String url) throws SQLException {
    Connection connection = DriverManager.getConnection(url, connectionProperties());
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout=10000");
    }
    return connection;
  }

  /** Queues a write; it commits with the others queued beside it. */
  <T> CompletableFuture<T> submit(SqlWork<T> work) {
    return submit(work, result -> {});
  }

  /**
   * Queues a write; once it is committed, {@code committed} runs on the writer's thread, in the
   * order of the writes (see {@link GroupCommitWriter#submit}).
   */
  <T> CompletableFuture<T> submit(SqlWork<T> work, Consumer<? super T> committed) {
    return writer.submit(work, committed);
  }

  /** Writes and waits until the write is committed. */
  <T> T write(SqlWork<T> work) {
    return write(work, result -> {});
  }

  /** Writes, runs {@code committed} as {@link #submit(SqlWork, Consumer)} does, and waits. */
  <T> T write(SqlWork<T> work, Consumer<? super T> committed) {
    try {
      return submit(work, committed).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobStoreException("interrupted while writing", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  private static RuntimeException unwrap(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new JobStoreException("could not write to the local database: " + cause, cause);
  }

  /** Reads on a pooled read connection (outside any write transaction). */
  <T> T read(SqlWork<T> work) {
    Connection connection = borrow();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new JobStoreException("could not read the local database: " + e.getMessage(), e);
    } finally {
      readers.offer(connection);
    }
  }

  private Connection borrow() {
    Connection connection = readers.poll();
    if (connection != null) {
      return connection;
    }
    synchronized (this) {
      if (openedReaders < READERS) {
        openedReaders++;
        try {
          return reader(url);
        } catch (SQLException e) {
          openedReaders--;
          throw new JobStoreException("could not open a read connection", e);
        }
      }
    }
    try {
      return readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobStoreException("interrupted while waiting for a read connection", e);
    }
  }

  private void checkpoint() {
    try {
      walBound.tick(checkpointConnection);
    } catch (SQLException e) {
      // A busy checkpoint is retried on the next tick; the WAL only grows meanwhile.
    }
  }

  @Override
  public void close() {
    checkpointer.shutdownNow();
    writer.close();
    try {
      WalBound.truncate(checkpointConnection);
    } catch (SQLException e) {
      // The next open replays the WAL.
    }
    closeQuietly(checkpointConnection);
    Connection connection;
    while ((connection = readers.poll()) != null) {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    Statements.forget(connection);
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing; nothing to do.
    }
  }
}
