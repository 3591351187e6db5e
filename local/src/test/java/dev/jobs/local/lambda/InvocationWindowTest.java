package dev.jobs.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.local.store.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-memory part of a queue against the queue on disk, on random histories: commits whose
 * callbacks come late (in the writer's order), read-backs between a commit and its callback,
 * retries, a restart with a backlog. Every invocation runs exactly once per attempt, and memory
 * never holds more than the window.
 */
class InvocationWindowTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_000_000), ZoneOffset.UTC);

  static List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    for (long seed = 1; seed <= 300; seed++) {
      seeds.add(seed);
    }
    return seeds;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomHistory_runsEveryInvocationOncePerAttempt_withinTheWindow(long seed)
      throws InterruptedException {
    SplittableRandom random = new SplittableRandom(seed);
    int capacity = 2 + random.nextInt(40);
    Disk disk = new Disk();
    // A restart may find a backlog on disk, longer than the window.
    int backlog = random.nextInt(3) == 0 ? random.nextInt(capacity * 4) : 0;
    for (int i = 0; i < backlog; i++) {
      disk.commit();
    }
    InvocationWindow window = new InvocationWindow(capacity, disk::after, CLOCK);
    window.load();
    ArrayDeque<Invocation> callbacks = new ArrayDeque<>(); // committed, not yet offered: in order
    Map<Long, Integer> attempts = new HashMap<>();
    List<Long> finished = new ArrayList<>();
    int commitWeight = 1 + random.nextInt(6); // some histories pile up, some drain
    for (int step = 0; step < 3000; step++) {
      int what = random.nextInt(commitWeight + 4);
      if (what < commitWeight) {
        callbacks.add(disk.commit());
      } else if (what < commitWeight + 2 && !callbacks.isEmpty()) {
        window.offer(callbacks.poll());
      } else {
        run(window.poll(0, TimeUnit.MILLISECONDS), window, disk, attempts, finished, random);
      }
      assertThat(window.inMemory())
          .as("held in memory, window %d", capacity)
          .isLessThanOrEqualTo(capacity);
    }
    while (!callbacks.isEmpty()) {
      window.offer(callbacks.poll());
    }
    for (int i = 0; i < 100_000 && !disk.rows.isEmpty(); i++) {
      run(window.poll(0, TimeUnit.MILLISECONDS), window, disk, attempts, finished, random);
    }

    assertThat(disk.rows).as("left on disk").isEmpty();
    assertThat(finished).as("finished").hasSize((int) disk.lastSeq).doesNotHaveDuplicates();
    assertThat(window.inMemory()).isZero();
  }

  @Test
  void offer_whileTheQueueHasSpilled_leavesTheInvocationOnDisk_untilTheWorkersCatchUp()
      throws InterruptedException {
    Disk disk = new Disk();
    InvocationWindow window = new InvocationWindow(4, disk::after, CLOCK);
    window.load();
    for (int i = 0; i < 10; i++) {
      window.offer(disk.commit());
    }

    assertThat(window.inMemory()).isEqualTo(4);
    assertThat(window.spilled()).isTrue();
    List<Long> taken = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Invocation next = window.poll(0, TimeUnit.MILLISECONDS);
      taken.add(next.seq());
      disk.rows.remove(next.seq());
    }
    assertThat(taken).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(window.spilled()).isFalse();
  }

  @Test
  void readBack_thatFails_keepsTheBacklogOnDisk_andTriesAgainAtTheNextTake()
      throws InterruptedException {
    Disk disk = new Disk();
    for (int i = 0; i < 3; i++) {
      disk.commit();
    }
    boolean[] broken = {true};
    InvocationWindow window =
        new InvocationWindow(
            4,
            (after, limit) -> {
              if (broken[0]) {
                throw new IllegalStateException("disk I/O error");
              }
              return disk.after(after, limit);
            },
            CLOCK);
    PrintStream stderr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      window.load();
      assertThat(window.poll(0, TimeUnit.MILLISECONDS)).isNull();
    } finally {
      System.setErr(stderr);
    }
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("ERROR could not read the queue back from disk")
        .contains("disk I/O error");

    broken[0] = false;
    assertThat(window.poll(0, TimeUnit.MILLISECONDS).seq()).isEqualTo(1L);
  }

  @Test
  void capacity_belowTwo_isRefused() {
    assertThatThrownBy(() -> new InvocationWindow(1, (after, limit) -> List.of(), CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
  }

  /** Runs what was taken: it finishes (and leaves the disk) or fails and is retried. */
  private static void run(
      Invocation taken,
      InvocationWindow window,
      Disk disk,
      Map<Long, Integer> attempts,
      List<Long> finished,
      SplittableRandom random) {
    if (taken == null) {
      return;
    }
    assertThat(disk.rows)
        .as("invocation %d taken after it finished", taken.seq())
        .containsKey(taken.seq());
    int made = attempts.getOrDefault(taken.seq(), 0);
    assertThat(taken.attempts())
        .as("attempts of invocation %d when taken", taken.seq())
        .isEqualTo(made);
    if (made < 2 && random.nextInt(5) == 0) {
      attempts.put(taken.seq(), made + 1);
      Invocation again =
          new Invocation(
              taken.seq(),
              taken.function(),
              taken.requestId(),
              taken.payload(),
              taken.enqueuedAt(),
              made + 1,
              CLOCK.millis());
      disk.rows.put(taken.seq(), again);
      window.retry(again);
    } else {
      disk.rows.remove(taken.seq());
      finished.add(taken.seq());
    }
  }

  /** The queue on disk: sequence numbers that only grow, as SQLite's AUTOINCREMENT gives them. */
  private static final class Disk {
    final NavigableMap<Long, Invocation> rows = new TreeMap<>();
    long lastSeq;

    Invocation commit() {
      lastSeq++;
      Invocation invocation = new Invocation(lastSeq, "f", "r" + lastSeq, "{}", 0, 0, 0);
      rows.put(lastSeq, invocation);
      return invocation;
    }

    List<Invocation> after(long seq, int limit) {
      return rows.tailMap(seq, false).values().stream().limit(limit).toList();
    }
  }
}
