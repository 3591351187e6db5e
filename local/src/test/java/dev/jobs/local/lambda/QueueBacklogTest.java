package dev.jobs.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.jobs.local.store.Database;
import dev.jobs.local.store.InvocationStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backlog far longer than the function's window, through the real store: invocations committed by
 * concurrent callers while the workers run them, and a backlog resumed after a restart. Each runs
 * exactly once.
 */
class QueueBacklogTest {
  private static final int WINDOW = 64;
  private static final FunctionConfig CONFIG =
      new FunctionConfig(
          "processing", Duration.ofSeconds(30), 2, 0, Duration.ofHours(6), Duration.ofSeconds(1));

  @TempDir Path directory;

  @Test
  void invoke_byConcurrentCallers_pastTheWindow_runsEachInvocationOnce() throws Exception {
    int callers = 4;
    int each = 2_500;
    Runs runs = new Runs(callers * each);
    try (Database database = Database.open(directory)) {
      LocalFunction function = function(database);
      function.start(runs);
      List<Thread> threads = new ArrayList<>();
      for (int caller = 0; caller < callers; caller++) {
        int first = caller * each;
        Thread thread =
            new Thread(
                () -> {
                  List<CompletableFuture<?>> written = new ArrayList<>();
                  for (int n = first; n < first + each; n++) {
                    written.add(function.invoke("r" + n, "{\"n\":" + n + "}"));
                  }
                  written.forEach(CompletableFuture::join);
                });
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) {
        thread.join();
      }

      assertThat(runs.all.await(60, TimeUnit.SECONDS)).as("every invocation ran").isTrue();
      function.stop(Duration.ofSeconds(5));
      assertThat(runs.twice()).as("invocations run more than once").isEmpty();
    }
    try (Database database = Database.open(directory)) {
      assertThat(new InvocationStore(database).pending("processing")).as("left queued").isEmpty();
    }
  }

  @Test
  void start_withABacklogOnDisk_longerThanTheWindow_runsEachInvocationOnce() throws Exception {
    int queued = 1_000;
    try (Database database = Database.open(directory)) {
      LocalFunction notStarted = function(database);
      List<CompletableFuture<?>> written = new ArrayList<>();
      for (int n = 0; n < queued; n++) {
        written.add(notStarted.invoke("r" + n, "{\"n\":" + n + "}"));
      }
      written.forEach(CompletableFuture::join);
    }
    Runs runs = new Runs(queued);
    try (Database database = Database.open(directory)) {
      LocalFunction restarted = function(database);
      restarted.start(runs);

      assertThat(runs.all.await(60, TimeUnit.SECONDS)).as("every invocation ran").isTrue();
      restarted.stop(Duration.ofSeconds(5));
      assertThat(runs.twice()).as("invocations run more than once").isEmpty();
      assertThat(runs.count).hasSize(queued);
    }
  }

  private static LocalFunction function(Database database) {
    return new LocalFunction(
        CONFIG,
        QualifiedArn.latest("arn:aws:lambda:us-east-1:000000000000:function:processing"),
        new InvocationStore(database),
        Clock.systemUTC(),
        WINDOW);
  }

  /** A handler that counts the payloads it is given. */
  private static final class Runs implements RequestStreamHandler {
    final Map<String, AtomicInteger> count = new ConcurrentHashMap<>();
    final CountDownLatch all;

    Runs(int expected) {
      this.all = new CountDownLatch(expected);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
        throws IOException {
      String payload = new String(input.readAllBytes(), StandardCharsets.UTF_8);
      if (count.computeIfAbsent(payload, key -> new AtomicInteger()).incrementAndGet() == 1) {
        all.countDown();
      }
    }

    List<String> twice() {
      return count.entrySet().stream()
          .filter(entry -> entry.getValue().get() > 1)
          .map(Map.Entry::getKey)
          .toList();
    }
  }
}
