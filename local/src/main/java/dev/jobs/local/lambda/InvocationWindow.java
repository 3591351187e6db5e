package dev.jobs.local.lambda;

import dev.jobs.local.log.RuntimeLog;
import dev.jobs.local.store.Invocation;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * The part of a function's durable queue held in memory: at most about {@code capacity}
 * invocations, the oldest, each due at its {@code notBefore}. The rest stay on disk only (the queue
 * has <em>spilled</em>) and are read back, oldest first, once the workers have taken half of what
 * memory holds. A backlog of any size then costs the heap a bounded amount: a million queued jobs
 * used to hold ~290 MB of invocations in memory, more than the runtime's heap.
 *
 * <p>Every invocation reaches memory exactly once, by one of two paths: {@link #offer} (its write
 * committed; what the store's callback calls) or a read-back from disk. The queue's sequence
 * numbers only grow and a transaction commits a whole run of them, so while the queue has spilled,
 * every pending invocation numbered up to {@code loadedThrough} is in memory or running, and every
 * one above it is on disk to be read back: an offer above it is left there. The read-back runs
 * under the same lock as the offers, so none can slip between the read and the flag it sets. Should
 * an offer's callback come late (after a read-back that already returned its row) the numbers say
 * so and it is dropped; a callback later still than that (two spills later) would at worst run the
 * invocation twice, which Lambda's asynchronous invocation allows and the handlers are written for.
 */
final class InvocationWindow {
  /** The queue on disk: the function's pending invocations numbered above {@code seq}. */
  @FunctionalInterface
  interface Backlog {
    List<Invocation> after(long seq, int limit);
  }

  private final int capacity;
  private final Backlog backlog;
  private final Clock clock;
  private final DelayQueue<Scheduled> ready = new DelayQueue<>();
  private final Object lock = new Object();

  /** Some pending invocations are on disk only, all numbered above {@link #loadedThrough}. */
  private boolean spilled;

  /** With {@link #spilled}: every pending invocation up to this one is in memory or running. */
  private long loadedThrough;

  /** The numbers the last spill's read-backs returned: (spilledAt, readThrough]. */
  private long spilledAt;

  private long readThrough;

  InvocationWindow(int capacity, Backlog backlog, Clock clock) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2: " + capacity);
    }
    this.capacity = capacity;
    this.backlog = backlog;
    this.clock = clock;
  }

  /** Reads the queue on disk from its start (a restart resumes it); before any offer. */
  void load() {
    synchronized (lock) {
      spilled = true;
      loadedThrough = 0;
      spilledAt = 0;
      readThrough = 0;
      readBack(capacity);
    }
  }

  /** A committed invocation: into memory, or left on disk while the queue has spilled. */
  void offer(Invocation invocation) {
    long seq = invocation.seq();
    synchronized (lock) {
      if (seq > spilledAt && seq <= readThrough) {
        return; // a late callback: a read-back already brought it
      }
      if (spilled && seq > loadedThrough) {
        return; // on disk; a read-back brings it in its turn
      }
      if (!spilled && ready.size() >= capacity && seq > loadedThrough) {
        spilled = true;
        loadedThrough = seq - 1;
        spilledAt = loadedThrough;
        readThrough = loadedThrough;
        return;
      }
      ready.add(new Scheduled(invocation));
      if (!spilled) {
        loadedThrough = Math.max(loadedThrough, seq);
      }
    }
  }

  /** An invocation taken earlier, back for its next attempt: it stays in memory. */
  void retry(Invocation invocation) {
    ready.add(new Scheduled(invocation));
  }

  /**
   * The next due invocation, waiting for one. Reads back from disk when memory holds half its
   * capacity or less, or when nothing in memory is due while some wait on disk.
   */
  Invocation take() throws InterruptedException {
    Invocation next;
    do {
      next = poll(1, TimeUnit.SECONDS);
    } while (next == null);
    return next;
  }

  /** The next due invocation within {@code timeout}, or null. */
  Invocation poll(long timeout, TimeUnit unit) throws InterruptedException {
    refillIfLow();
    Scheduled next = ready.poll(timeout, unit);
    if (next == null) {
      synchronized (lock) {
        if (spilled) {
          readBack(Math.max(capacity - ready.size(), capacity / 2));
        }
      }
      next = ready.poll();
    }
    return next == null ? null : next.invocation();
  }

  /** How many invocations memory holds. */
  int inMemory() {
    return ready.size();
  }

  /** Whether some pending invocations are on disk only. */
  boolean spilled() {
    synchronized (lock) {
      return spilled;
    }
  }

  private void refillIfLow() {
    if (ready.size() > capacity / 2) {
      return;
    }
    synchronized (lock) {
      if (spilled && ready.size() <= capacity / 2) {
        readBack(capacity - ready.size());
      }
    }
  }

  /** Under the lock: the next {@code limit} invocations from disk. */
  private void readBack(int limit) {
    List<Invocation> rows;
    try {
      rows = backlog.after(loadedThrough, limit);
    } catch (RuntimeException e) {
      // The store failed (it is closing, or the disk is): the invocations stay on disk, and the
      // queue stays spilled, to be read back at the next take.
      RuntimeLog.error("could not read the queue back from disk", e);
      return;
    }
    for (Invocation invocation : rows) {
      ready.add(new Scheduled(invocation));
      loadedThrough = invocation.seq();
    }
    readThrough = loadedThrough;
    if (rows.size() < limit) {
      spilled = false; // disk holds nothing memory does not: offers come to memory again
    }
  }

  /** A queued invocation, due at its {@code notBefore}. */
  private final class Scheduled implements Delayed {
    private final Invocation invocation;

    Scheduled(Invocation invocation) {
      this.invocation = invocation;
    }

    Invocation invocation() {
      return invocation;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(invocation.notBefore() - clock.millis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      Scheduled that = (Scheduled) other;
      int byTime = Long.compare(invocation.notBefore(), that.invocation.notBefore());
      return byTime != 0 ? byTime : Long.compare(invocation.seq(), that.invocation.seq());
    }
  }
}
