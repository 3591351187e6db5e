package dev.jobs.backend.stats;

import dev.jobs.backend.job.ApiAnswer;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.list.BadParameterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /jobs/stats}: parameters in, status and JSON body out, from the counters a store keeps
 * (never by reading the jobs of the window) and the RUNNING jobs of its status index. The AWS stats
 * function and the local runtime both answer through this class.
 *
 * <p>The body: {@code since} and {@code until} (the window read, whole minutes), {@code type} when
 * asked, {@code total}, {@code counts} by status, {@code types} (counts by type and status), {@code
 * runTime} ({@code jobs}, and {@code p50Millis}, {@code p90Millis}, {@code p95Millis}, {@code
 * p99Millis}, {@code maxMillis} to the buckets' resolution, see {@link RunTimeBuckets}), {@code
 * failures} (by error type and condition, most first), {@code stalled} and {@code oldestRunning}
 * (the record, or null). With a {@code step}, {@code series} too: one point per step from {@code
 * since} ({@code since}, {@code counts} by status, {@code runTime}), each summed as a window of its
 * own, the last one cut at {@code until}.
 */
public record JobStatistics(JobStatsSource source, Clock clock) {
  /** The percentiles answered, besides the maximum. */
  public static final List<Integer> PERCENTILES = List.of(50, 90, 95, 99);

  /**
   * How many RUNNING jobs a request reads at most: they are bounded by the concurrency (1,000 on
   * most accounts), plus the stalled ones; past it, {@code stalled} counts those read.
   */
  static final int RUNNING_READ = 2_000;

  /** How long past its timeout a silent RUNNING job counts as stalled (the CLI's rule). */
  static final Duration STALL_MARGIN = Duration.ofMinutes(1);

  /**
   * Answers a request.
   *
   * @param parameters the query parameters, percent-decoded
   * @throws dev.jobs.backend.store.JobStoreException when the store fails (a 500 for the caller)
   */
  public ApiAnswer answer(Map<String, String> parameters) {
    Instant now = clock.instant();
    StatsWindow window;
    Optional<Duration> step;
    try {
      window = StatsParameters.parse(parameters, now);
      step = StatsParameters.step(parameters, window);
    } catch (BadParameterException e) {
      return ApiAnswer.message(400, e.getMessage());
    }
    Aggregates sums = source.sum(window);
    List<JobRecord> running = source.running(window, sums, RUNNING_READ);
    ObjectNode body = body(window, sums, running, now);
    step.ifPresent(s -> body.set("series", series(window, s)));
    return ApiAnswer.json(200, body);
  }

  /** The window step by step: each point the counts and run time of its own window. */
  private ArrayNode series(StatsWindow window, Duration step) {
    ArrayNode series = JobJson.MAPPER.createArrayNode();
    for (Instant since = window.since(); since.isBefore(window.until()); since = since.plus(step)) {
      Instant until = since.plus(step).isAfter(window.until()) ? window.until() : since.plus(step);
      StatsWindow point = new StatsWindow(since, until, window.type());
      Map<String, Long> counters = counters(source.sum(point));
      ObjectNode entry = series.addObject();
      entry.put("since", since.toString());
      ObjectNode counts = entry.putObject("counts");
      for (JobStatus status : JobStatus.values()) {
        counts.put(status.name(), counters.getOrDefault(StatsCounter.status(status), 0L));
      }
      entry.set("runTime", runTime(counters));
    }
    return series;
  }

  /** The counters of every type added up. */
  private static Map<String, Long> counters(Aggregates sums) {
    Map<String, Long> counters = new TreeMap<>();
    sums.byType().values().forEach(c -> c.forEach((k, v) -> counters.merge(k, v, Long::sum)));
    return counters;
  }

  /** The answer's body; the tests build the slow way's with it too. */
  public static ObjectNode body(
      StatsWindow window, Aggregates sums, List<JobRecord> running, Instant now) {
    ObjectNode body = JobJson.MAPPER.createObjectNode();
    body.put("since", window.since().toString());
    body.put("until", window.until().toString());
    window.type().ifPresent(type -> body.put("type", type));
    Map<String, Long> counters = counters(sums);
    long total = 0;
    ObjectNode counts = JobJson.MAPPER.createObjectNode();
    for (JobStatus status : JobStatus.values()) {
      long count = counters.getOrDefault(StatsCounter.status(status), 0L);
      counts.put(status.name(), count);
      total += count;
    }
    body.put("total", total);
    body.set("counts", counts);
    ObjectNode types = body.putObject("types");
    sums.byType()
        .forEach(
            (type, sum) -> {
              ObjectNode ofType = JobJson.MAPPER.createObjectNode();
              for (JobStatus status : JobStatus.values()) {
                long count = sum.getOrDefault(StatsCounter.status(status), 0L);
                if (count != 0) {
                  ofType.put(status.name(), count);
                }
              }
              if (!ofType.isEmpty()) {
                types.set(type, ofType);
              }
            });
    body.set("runTime", runTime(counters));
    body.set("failures", failures(counters));
    body.put("stalled", running.stream().filter(job -> stalled(job, now)).count());
    Optional<JobRecord> oldest =
        running.stream()
            .filter(job -> job.startedAt() != null)
            .min(Comparator.comparing(JobRecord::startedAt).thenComparing(JobRecord::id));
    if (oldest.isPresent()) {
      body.set("oldestRunning", JobJson.MAPPER.valueToTree(oldest.get()));
    } else {
      body.putNull("oldestRunning");
    }
    return body;
  }

  private static ObjectNode runTime(Map<String, Long> counters) {
    long[] buckets = new long[RunTimeBuckets.COUNT];
    long jobs = 0;
    for (Map.Entry<String, Long> counter : counters.entrySet()) {
      if (counter.getKey().startsWith(StatsCounter.RUN_TIME)) {
        int bucket = Integer.parseInt(counter.getKey().substring(StatsCounter.RUN_TIME.length()));
        buckets[bucket] += counter.getValue();
        jobs += counter.getValue();
      }
    }
    ObjectNode runTime = JobJson.MAPPER.createObjectNode().put("jobs", jobs);
    if (jobs > 0) {
      for (int percentile : PERCENTILES) {
        runTime.put("p" + percentile + "Millis", at(buckets, jobs, percentile));
      }
      runTime.put("maxMillis", at(buckets, jobs, 100));
    }
    return runTime;
  }

  /** The percentile by the nearest rank, as the top of the bucket that holds that rank. */
  private static long at(long[] buckets, long jobs, int percentile) {
    long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * jobs));
    long seen = 0;
    for (int bucket = 0; bucket < buckets.length; bucket++) {
      seen += buckets[bucket];
      if (seen >= rank) {
        return RunTimeBuckets.top(bucket);
      }
    }
    throw new IllegalStateException("fewer run times than counted");
  }

  private static ArrayNode failures(Map<String, Long> counters) {
    record Failure(String type, String condition, long count) {}
    List<Failure> failures = new ArrayList<>();
    counters.forEach(
        (name, count) -> {
          if (name.startsWith(StatsCounter.FAILURE) && count > 0) {
            String[] key = StatsCounter.failure(name);
            failures.add(new Failure(key[0], key[1], count));
          }
        });
    failures.sort(
        Comparator.comparingLong(Failure::count)
            .reversed()
            .thenComparing(f -> f.type() == null ? "" : f.type())
            .thenComparing(f -> f.condition() == null ? "" : f.condition()));
    ArrayNode array = JobJson.MAPPER.createArrayNode();
    for (Failure failure : failures) {
      ObjectNode entry = array.addObject();
      entry.put("type", failure.type());
      entry.put("condition", failure.condition());
      entry.put("count", failure.count());
    }
    return array;
  }

  /** RUNNING with an attempt that cannot be alive: silent past its timeout and a minute. */
  static boolean stalled(JobRecord job, Instant now) {
    Instant alive = job.heartbeatAt() != null ? job.heartbeatAt() : job.startedAt();
    if (job.status() != JobStatus.RUNNING || alive == null || job.timeoutSeconds() == null) {
      return false;
    }
    return Duration.between(alive, now)
            .compareTo(Duration.ofSeconds(job.timeoutSeconds()).plus(STALL_MARGIN))
        > 0;
  }
}
