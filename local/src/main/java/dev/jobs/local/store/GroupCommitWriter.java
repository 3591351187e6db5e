package dev.jobs.local.store;

import dev.jobs.backend.store.JobStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one thread that writes. It drains whatever writes are queued (up to {@link #MAX_BATCH}) into
 * one transaction, commits it with one fsync, and only then completes the writes' futures: each
 * caller learns of its write once it is durable, and a burst of writers shares one commit.
 *
 * <p>The connection stays in auto-commit mode and the writer begins each transaction itself, with
 * {@code BEGIN IMMEDIATE}, only when work has arrived. The driver's own transactions would begin
 * the next one at every commit: the writer would then read (and hold a snapshot of the WAL) before
 * asking for the write lock, and a checkpoint that restarts the WAL, which holds that lock while it
 * waits for the WAL's readers, would wait for the writer as the writer waits for it.
 */
final class GroupCommitWriter implements AutoCloseable {
  static final int MAX_BATCH = 512;

  private record Pending<T>(
      SqlWork<T> work, Consumer<? super T> committed, CompletableFuture<T> future) {}

  private final Connection connection;
  private final Statement control;
  private final WalBound walBound;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;

  /** Takes a connection in auto-commit mode, which it owns from now on. */
  GroupCommitWriter(Connection connection, WalBound walBound) throws SQLException {
    this.connection = connection;
    this.walBound = walBound;
    this.control = connection.createStatement();
    this.thread = new Thread(this::loop, "sqlite-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues a write. Once it is committed, {@code committed} runs on this thread, in the order of
   * the writes, before the future completes and before the next transaction begins.
   */
  <T> CompletableFuture<T> submit(SqlWork<T> work, Consumer<? super T> committed) {
    CompletableFuture<T> future = new CompletableFuture<>();
    if (closing) {
      future.completeExceptionally(
          new JobStoreException("the local database is closed", new IllegalStateException()));
      return future;
    }
    queue.add(new Pending<>(work, committed, future));
    return future;
  }

  private void loop() {
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        closing = true;
      } finally {
        batch.clear();
      }
    }
  }

  /**
   * Runs the batch in one transaction. Should a write fail, the transaction is rolled back and each
   * write of the batch runs again in a transaction of its own, so the failure stays its own; that
   * is rare, and keeps savepoints (two more statements per write) off the common path.
   */
  private void commit(List<Pending<?>> batch) {
    Object[] results = new Object[batch.size()];
    try {
      control.execute("BEGIN IMMEDIATE");
      for (int i = 0; i < batch.size(); i++) {
        results[i] = batch.get(i).work().run(connection);
      }
      control.execute("COMMIT");
    } catch (SQLException | RuntimeException e) {
      rollback();
      if (batch.size() == 1) {
        batch.get(0).future().completeExceptionally(failure(e));
      } else {
        for (Pending<?> pending : batch) {
          commit(List.of(pending));
        }
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      complete(batch.get(i), results[i]);
    }
    try {
      walBound.afterCommit(connection);
    } catch (SQLException e) {
      // Busy: the background checkpoint or the next commit tries again.
    }
  }

  private void rollback() {
    try {
      control.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // No transaction was open (BEGIN failed), or the connection is broken: the writes fail with
      // the error that broke it.
    }
  }

  private static Throwable failure(Exception e) {
    return e instanceof SQLException ? storeFailure(e) : e;
  }

  @SuppressWarnings("unchecked")
  private static <T> void complete(Pending<T> pending, Object result) {
    T value = (T) result;
    try {
      pending.committed().accept(value);
    } catch (RuntimeException e) {
      // The write is committed all the same: reported as an uncaught failure, and its caller told
      // of the commit, as the rest of the batch are.
      Thread self = Thread.currentThread();
      self.getUncaughtExceptionHandler().uncaughtException(self, e);
    }
    pending.future().complete(value);
  }

  private static JobStoreException storeFailure(Exception e) {
    return new JobStoreException("could not write to the local database: " + e.getMessage(), e);
  }

  /** Commits what is queued, then stops. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Statements.forget(connection);
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing; the WAL keeps what was committed.
    }
  }
}
