package dev.jobs.local.store;

import dev.jobs.backend.store.JobStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes. It drains whatever writes are queued (up to {@link #MAX_BATCH}) into
 * one transaction, commits it with one fsync, and only then completes the writes' futures: each
 * caller learns of its write once it is durable, and a burst of writers shares one commit. Each
 * write runs inside a savepoint, so one failing write rolls back alone.
 */
final class GroupCommitWriter implements AutoCloseable {
  static final int MAX_BATCH = 512;

  private record Pending<T>(SqlWork<T> work, CompletableFuture<T> future) {}

  private final Connection connection;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;

  GroupCommitWriter(Connection connection) {
    this.connection = connection;
    this.thread = new Thread(this::loop, "sqlite-writer");
    thread.setDaemon(true);
    thread.start();
  }

  <T> CompletableFuture<T> submit(SqlWork<T> work) {
    CompletableFuture<T> future = new CompletableFuture<>();
    if (closing) {
      future.completeExceptionally(
          new JobStoreException("the local database is closed", new IllegalStateException()));
      return future;
    }
    queue.add(new Pending<>(work, future));
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

  private void commit(List<Pending<?>> batch) {
    Object[] results = new Object[batch.size()];
    Throwable[] failures = new Throwable[batch.size()];
    try {
      PreparedStatement savepoint = Statements.prepare(connection, "SAVEPOINT write");
      PreparedStatement release = Statements.prepare(connection, "RELEASE write");
      PreparedStatement rollback = Statements.prepare(connection, "ROLLBACK TO write");
      for (int i = 0; i < batch.size(); i++) {
        savepoint.execute();
        try {
          results[i] = batch.get(i).work().run(connection);
          release.execute();
        } catch (SQLException | RuntimeException e) {
          failures[i] = e instanceof SQLException ? storeFailure(e) : e;
          rollback.execute();
          release.execute();
        }
      }
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // The connection is broken; every write of the batch fails below.
      }
      JobStoreException failure = storeFailure(e);
      for (Pending<?> pending : batch) {
        pending.future().completeExceptionally(failure);
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      complete(batch.get(i), results[i], failures[i]);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void complete(Pending<T> pending, Object result, Throwable failure) {
    if (failure != null) {
      pending.future().completeExceptionally(failure);
    } else {
      pending.future().complete((T) result);
    }
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
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing; the WAL keeps what was committed.
    }
  }
}
