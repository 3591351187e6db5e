package dev.jobs.cli.monitor;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * What the jobs of a window add up to, from their records as the list API gives them: how many in
 * each status and how many of the RUNNING ones stalled, how long the finished ones ran (a cancelled
 * one until it stopped), what the failed ones failed with, and which job has been RUNNING longest.
 *
 * @param counts jobs by status, QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED first
 * @param stalled the RUNNING jobs whose attempt cannot be alive any more ({@link
 *     JobPage.Job#stalled})
 * @param finished how many finished jobs had started (those with a run time)
 * @param runTimes their run time at each of {@link #PERCENTILES} (100: the longest); empty when
 *     none finished
 * @param failures failed jobs by error type and condition, most first
 * @param oldestRunning the RUNNING job that started first, if any
 */
public record JobStats(
    Map<String, Integer> counts,
    int stalled,
    int finished,
    Map<Integer, Duration> runTimes,
    List<Failure> failures,
    Optional<JobPage.Job> oldestRunning) {
  /** The percentiles of the run time kept: those the API answers, and the longest. */
  public static final List<Integer> PERCENTILES = List.of(50, 90, 95, 99, 100);

  /** The statuses a job can have, in the order the counts list them. */
  private static final List<String> STATUSES =
      List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED");

  /** The failed jobs of one error type and condition (either may be null). */
  public record Failure(String type, String condition, int count) {
    /** As the job table shows an error: {@code JobFailedException [RetriesExhausted]}. */
    public String shown() {
      String shown = type == null ? "" : JobPage.simpleName(type);
      if (condition != null) {
        shown = shown.isEmpty() ? "[" + condition + "]" : shown + " [" + condition + "]";
      }
      return shown.isEmpty() ? "(no error recorded)" : shown;
    }
  }

  /** The jobs added up, as they stand at {@code now} (which tells the stalled ones). */
  public static JobStats of(List<JobPage.Job> jobs, Instant now) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String status : STATUSES) {
      counts.put(status, 0);
    }
    int stalled = 0;
    List<Duration> runTimes = new ArrayList<>();
    Map<List<String>, Integer> failures = new LinkedHashMap<>();
    JobPage.Job oldest = null;
    Instant oldestStart = null;
    for (JobPage.Job job : jobs) {
      counts.merge(job.status(), 1, Integer::sum);
      if (job.stalled(now)) {
        stalled++;
      }
      Optional<Instant> started = job.instant("startedAt");
      if (job.finished()) {
        Optional<Instant> finished = job.instant("finishedAt");
        if (started.isPresent() && finished.isPresent()) {
          runTimes.add(Duration.between(started.get(), finished.get()));
        }
      }
      if ("FAILED".equals(job.status())) {
        JsonNode error = job.fields().get("error");
        String type = error == null ? null : Json.text(error, "type");
        String condition = error == null ? null : Json.text(error, "condition");
        failures.merge(java.util.Arrays.asList(type, condition), 1, Integer::sum);
      }
      if ("RUNNING".equals(job.status())
          && started.isPresent()
          && (oldestStart == null || started.get().isBefore(oldestStart))) {
        oldest = job;
        oldestStart = started.get();
      }
    }
    runTimes.sort(Comparator.naturalOrder());
    Map<Integer, Duration> percentiles = new TreeMap<>();
    if (!runTimes.isEmpty()) {
      for (int percentile : PERCENTILES) {
        // The nearest rank, as the API reads its histogram.
        int rank = (int) Math.ceil(percentile / 100.0 * runTimes.size());
        percentiles.put(percentile, runTimes.get(Math.max(rank, 1) - 1));
      }
    }
    List<Failure> byCount = new ArrayList<>();
    failures.forEach((key, count) -> byCount.add(new Failure(key.get(0), key.get(1), count)));
    byCount.sort(Comparator.comparingInt(Failure::count).reversed().thenComparing(Failure::shown));
    return new JobStats(
        java.util.Collections.unmodifiableMap(counts),
        stalled,
        runTimes.size(),
        percentiles,
        List.copyOf(byCount),
        Optional.ofNullable(oldest));
  }

  /**
   * The answer of {@code GET /jobs/stats}, which the API adds up from its counters; run times are
   * exact to its histogram's buckets (at most 4.5% above the true value). Counts list the four
   * statuses, then any other the window holds, as {@link #of} does.
   */
  public static JobStats fromAnswer(String body) {
    JsonNode root = Json.parse(body);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String status : STATUSES) {
      counts.put(status, 0);
    }
    root.field("counts")
        .filter(JsonNode::isObject)
        .ifPresent(
            node ->
                node.asObject()
                    .forEach(
                        (status, count) -> {
                          int n = Integer.parseInt(count.asNumber());
                          if (STATUSES.contains(status) || n != 0) {
                            counts.put(status, n);
                          }
                        }));
    JsonNode runTime = root.field("runTime").orElse(null);
    int finished = runTime == null ? 0 : number(runTime, "jobs");
    Map<Integer, Duration> percentiles = new TreeMap<>();
    if (runTime != null) {
      for (int percentile : PERCENTILES) {
        String name = percentile == 100 ? "maxMillis" : "p" + percentile + "Millis";
        String millis = Json.text(runTime, name);
        if (millis != null) {
          percentiles.put(percentile, Duration.ofMillis(Long.parseLong(millis)));
        }
      }
    }
    List<Failure> failures = new ArrayList<>();
    root.field("failures")
        .filter(JsonNode::isArray)
        .ifPresent(
            array ->
                array
                    .asArray()
                    .forEach(
                        entry ->
                            failures.add(
                                new Failure(
                                    Json.text(entry, "type"),
                                    Json.text(entry, "condition"),
                                    number(entry, "count")))));
    Optional<JobPage.Job> oldest =
        root.field("oldestRunning").filter(JsonNode::isObject).map(JobPage.Job::new);
    return new JobStats(
        java.util.Collections.unmodifiableMap(counts),
        number(root, "stalled"),
        finished,
        percentiles,
        List.copyOf(failures),
        oldest);
  }

  private static int number(JsonNode node, String field) {
    String text = Json.text(node, field);
    return text == null ? 0 : Integer.parseInt(text);
  }

  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * The run time at one of {@link #PERCENTILES}, by the nearest rank; empty when no job finished.
   */
  public Optional<Duration> runTime(int percentile) {
    return Optional.ofNullable(runTimes.get(percentile));
  }

  /** Counts by status in a stable order: the five statuses, then any other, by name. */
  public Map<String, Integer> countsInOrder() {
    Map<String, Integer> ordered = new LinkedHashMap<>();
    Map<String, Integer> others = new TreeMap<>();
    counts.forEach(
        (status, count) -> {
          if (STATUSES.contains(status)) {
            ordered.put(status, count);
          } else {
            others.put(status, count);
          }
        });
    ordered.putAll(others);
    return ordered;
  }
}
