package dev.jobs.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  private static final Pattern V4 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  @Test
  void idsAreRandomUuidsAsRandomUuidMakesThem() {
    for (int i = 0; i < 1000; i++) {
      String id = RequestIds.next();
      assertThat(id).matches(V4);
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
    }
  }

  @Test
  void threadsDrawingAtOnceNeverRepeatAnId() throws InterruptedException {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    List<Thread> threads =
        java.util.stream.IntStream.range(0, 8)
            .mapToObj(
                n ->
                    new Thread(
                        () -> {
                          for (int i = 0; i < 5000; i++) {
                            ids.add(RequestIds.next());
                          }
                        }))
            .toList();
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(ids).hasSize(8 * 5000);
  }
}
