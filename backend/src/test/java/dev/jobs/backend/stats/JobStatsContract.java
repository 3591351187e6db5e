package dev.jobs.backend.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobCursor;
import dev.jobs.backend.store.JobPage;
import dev.jobs.backend.store.JobQuery;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The counters of {@code GET /jobs/stats} against the slow way, reading every job of the window:
 * random histories of starts, Lambda retries, successes, failures, replays, cancels, queueing and
 * retries, heartbeats, each delivered twice now and then, must add up to the same answer, exactly,
 * for any window and type. A store passes by extending this class; {@link #settle()} lets one whose
 * counters follow its writes asynchronously (DynamoDB's stream) catch up, with its own replays.
 */
public abstract class JobStatsContract {
  private static final List<String> TYPES = List.of("sleep", "flaky", "report");
  private static final List<JobError> ERRORS =
      List.of(
          new JobError("dev.jobs.kind.JobFailedException", "broke", "RetriesExhausted"),
          new JobError("Sandbox.Timedout", "timed out", "RetriesExhausted"),
          new JobError("dev.jobs.kind.InvalidParametersException", "bad", "ValidationFailed"),
          new JobError("Lambda", "old", "EventAgeExceeded"));

  protected abstract JobStore store();

  protected abstract JobStatsSource statistics();

  /** How many random histories to play, each of 700 steps. */
  protected int histories() {
    return 4;
  }

  /** Brings the counters up to the store's writes; nothing for a store that counts as it writes. */
  protected void settle() {}

  @Test
  void counters_addUpAsReadingEveryJobDoes_overRandomHistoriesWithDuplicatesReplaysAndCancels() {
    for (int seed = 1; seed <= histories(); seed++) {
      Instant base = Instant.parse("2026-03-01T00:00:00Z").plus(Duration.ofDays(20L * seed));
      Instant end = history(new SplittableRandom(seed), "s" + seed + "-", base);
      settle();
      SplittableRandom windows = new SplittableRandom(seed * 31L);
      assertAgree(new StatsWindow(base, end, Optional.empty()), end);
      assertAgree(new StatsWindow(base, end, Optional.of("flaky")), end);
      for (int i = 0; i < 6; i++) {
        long span = Duration.between(base, end).toMinutes();
        Instant since = base.plus(Duration.ofMinutes((long) (windows.nextDouble() * span)));
        Instant until = since.plus(Duration.ofMinutes(1 + (long) (windows.nextDouble() * span)));
        Optional<String> type =
            windows.nextBoolean()
                ? Optional.empty()
                : Optional.of(TYPES.get(windows.nextInt(TYPES.size())));
        assertAgree(new StatsWindow(since, until, type), end);
      }
    }
  }

  @Test
  void aSeries_pointsAreTheirOwnWindows_andAddUpToTheWholeWindow() {
    Instant base = Instant.parse("2026-01-10T00:00:00Z");
    Instant end = history(new SplittableRandom(99), "series-", base);
    settle();
    JobStatistics statistics =
        new JobStatistics(statistics(), java.time.Clock.fixed(end, java.time.ZoneOffset.UTC));
    long minutes = Duration.between(base, end).toMinutes();
    long step = (minutes + 99) / 100;
    ObjectNode whole = answer(statistics, base, end, Map.of("step", Long.toString(step)));

    tools.jackson.databind.JsonNode series = whole.path("series");
    assertThat(series.size()).isBetween(99, 101);
    Map<String, Long> added = new java.util.TreeMap<>();
    for (tools.jackson.databind.JsonNode point : series) {
      Instant since = Instant.parse(point.path("since").asString());
      Instant until = since.plus(Duration.ofMinutes(step));
      ObjectNode alone = answer(statistics, since, until.isAfter(end) ? end : until, Map.of());
      assertThat(point.path("counts")).as("the point at %s", since).isEqualTo(alone.path("counts"));
      assertThat(point.path("runTime"))
          .as("the point at %s", since)
          .isEqualTo(alone.path("runTime"));
      point
          .path("counts")
          .properties()
          .forEach(e -> added.merge(e.getKey(), e.getValue().asLong(), Long::sum));
    }
    for (JobStatus status : JobStatus.values()) {
      assertThat(added.get(status.name()))
          .as("%s over the series", status)
          .isEqualTo(whole.path("counts").path(status.name()).asLong());
    }
  }

  private static ObjectNode answer(
      JobStatistics statistics, Instant since, Instant until, Map<String, String> more) {
    Map<String, String> parameters = new java.util.HashMap<>(more);
    parameters.put("since", since.toString());
    parameters.put("until", until.toString());
    var answer = statistics.answer(parameters);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return (ObjectNode) JobJson.MAPPER.readTree(answer.body());
  }

  /** A random history of 80 jobs over about three days; returns when it ended. */
  private Instant history(SplittableRandom random, String prefix, Instant base) {
    JobStore store = store();
    Instant now = base.plusSeconds(30);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      ids.add(prefix + i);
    }
    long expiresAt = base.plus(Duration.ofDays(30)).getEpochSecond();
    for (int step = 0; step < 700; step++) {
      // Mostly seconds apart, now and then minutes or hours: runs fall in many buckets and spans.
      now =
          now.plusMillis(
              random.nextInt(10) == 0
                  ? random.nextInt(3_600_000)
                  : random.nextInt(20) == 0 ? random.nextInt(600_000) : random.nextInt(30_000));
      String id = ids.get(random.nextInt(ids.size()));
      String type = TYPES.get(Math.floorMod(id.hashCode(), TYPES.size()));
      ObjectNode parameters = JobJson.MAPPER.createObjectNode().put("n", step);
      Optional<JobRecord> current = store.find(id);
      int deliveries = random.nextInt(5) == 0 ? 2 : 1;
      Instant at = now;
      int done = step;
      for (int delivery = 0; delivery < deliveries; delivery++) {
        switch (random.nextInt(10)) {
          case 0, 1 ->
              store.start(new JobStart(id, type, parameters, at, expiresAt, null, 900, null));
          case 2 -> {
            Instant queuedAt = current.map(JobRecord::queuedAt).orElse(null);
            if (queuedAt != null) {
              store.start(new JobStart(id, type, parameters, at, expiresAt, null, 900, queuedAt));
            }
          }
          case 3, 4 -> store.succeed(id, JobJson.MAPPER.createObjectNode().put("ok", true), at);
          case 5 ->
              store.fail(
                  new JobFailure(
                      id,
                      type,
                      parameters,
                      ERRORS.get(random.nextInt(ERRORS.size())),
                      at,
                      expiresAt));
          case 6 ->
              // A replay of the failure's event: its time is the failure's, in whole seconds.
              current
                  .filter(job -> job.status() == JobStatus.FAILED)
                  .ifPresent(
                      job ->
                          store.start(
                              new JobStart(
                                  id,
                                  type,
                                  parameters,
                                  at,
                                  expiresAt,
                                  job.finishedAt().plusSeconds(1),
                                  900,
                                  null)));
          case 7 -> {
            if (random.nextBoolean()) {
              store.cancel(id, at, expiresAt);
            } else {
              current.ifPresent(job -> store.cancelled(id, job.attempts(), at));
            }
          }
          case 8 -> {
            if (random.nextBoolean()) {
              store.queue(JobRecord.queued(id, type, parameters, at, expiresAt));
            } else {
              store.retry(id, random.nextBoolean(), at, expiresAt);
            }
          }
          default ->
              current.ifPresent(
                  job ->
                      store.progress(id, job.attempts(), new JobProgress(done, 0, null, at), at));
        }
      }
    }
    return now.plusSeconds(1);
  }

  private void assertAgree(StatsWindow window, Instant now) {
    Aggregates counted = statistics().sum(window);
    ObjectNode fast =
        JobStatistics.body(window, counted, statistics().running(window, counted, 2_000), now);

    List<JobRecord> every = every(window);
    Aggregates recounted = new Aggregates();
    for (JobRecord job : every) {
      new StatsDeltas()
          .change(Optional.empty(), Optional.of(job))
          .cells()
          .forEach(
              (cell, counters) -> {
                if (cell.span() == StatsSpan.MINUTE) {
                  recounted.add(cell, counters);
                }
              });
    }
    List<JobRecord> running =
        every.stream()
            .filter(job -> job.status() == JobStatus.RUNNING)
            .sorted(Comparator.comparing(JobCursor::statusTime).thenComparing(JobRecord::id))
            .toList();
    ObjectNode slow = JobStatistics.body(window, recounted, running, now);

    assertThat(fast).as("the answer for %s", window).isEqualTo(slow);
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    every.forEach(job -> counts.merge(job.status(), 1L, Long::sum));
    for (JobStatus status : JobStatus.values()) {
      assertThat(fast.path("counts").path(status.name()).asLong())
          .as("%s in %s", status, window)
          .isEqualTo(counts.getOrDefault(status, 0L));
    }
    assertThat(fast.path("total").asLong()).isEqualTo(every.size());
  }

  /** The slow way: every job of the window, page by page, through the store's list. */
  private List<JobRecord> every(StatsWindow window) {
    List<JobRecord> jobs = new ArrayList<>();
    Optional<JobCursor> after = Optional.empty();
    while (true) {
      JobPage page =
          store().list(new JobQuery(Optional.empty(), window.since(), window.until(), 100, after));
      page.jobs().stream()
          .filter(job -> window.type().isEmpty() || window.type().get().equals(job.type()))
          .forEach(jobs::add);
      if (page.next().isEmpty()) {
        return jobs;
      }
      after = page.next();
    }
  }
}
