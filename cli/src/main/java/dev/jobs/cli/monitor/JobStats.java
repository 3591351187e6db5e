package dev.jobs.cli.monitor;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
 * each status, how long the finished ones ran, what the failed ones failed with, and which job has
 * been RUNNING longest.
 *
 * @param counts jobs by status, RUNNING, SUCCEEDED, FAILED first
 * @param runTimes the run times of the finished jobs that started, shortest first
 * @param failures failed jobs by error type and condition, most first
 * @param oldestRunning the RUNNING job that started first, if any
 */
public record JobStats(
    Map<String, Integer> counts,
    List<Duration> runTimes,
    List<Failure> failures,
    Optional<JobPage.Job> oldestRunning) {
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

  public static JobStats of(List<JobPage.Job> jobs) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String status : List.of("RUNNING", "SUCCEEDED", "FAILED")) {
      counts.put(status, 0);
    }
    List<Duration> runTimes = new ArrayList<>();
    Map<List<String>, Integer> failures = new LinkedHashMap<>();
    JobPage.Job oldest = null;
    Instant oldestStart = null;
    for (JobPage.Job job : jobs) {
      counts.merge(job.status(), 1, Integer::sum);
      Optional<Instant> started = instant(job, "startedAt");
      if (job.finished()) {
        Optional<Instant> finished = instant(job, "finishedAt");
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
    List<Failure> byCount = new ArrayList<>();
    failures.forEach((key, count) -> byCount.add(new Failure(key.get(0), key.get(1), count)));
    byCount.sort(Comparator.comparingInt(Failure::count).reversed().thenComparing(Failure::shown));
    return new JobStats(
        java.util.Collections.unmodifiableMap(counts),
        List.copyOf(runTimes),
        List.copyOf(byCount),
        Optional.ofNullable(oldest));
  }

  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The run time at a percentile, by the nearest rank; empty when no job finished. */
  public Optional<Duration> runTime(int percentile) {
    if (runTimes.isEmpty()) {
      return Optional.empty();
    }
    int rank = (int) Math.ceil(percentile / 100.0 * runTimes.size());
    return Optional.of(runTimes.get(Math.max(rank, 1) - 1));
  }

  /** Counts by status in a stable order: the three statuses, then any other, by name. */
  public Map<String, Integer> countsInOrder() {
    Map<String, Integer> ordered = new LinkedHashMap<>();
    Map<String, Integer> others = new TreeMap<>();
    counts.forEach(
        (status, count) -> {
          if (List.of("RUNNING", "SUCCEEDED", "FAILED").contains(status)) {
            ordered.put(status, count);
          } else {
            others.put(status, count);
          }
        });
    ordered.putAll(others);
    return ordered;
  }

  public static Optional<Instant> instant(JobPage.Job job, String field) {
    String text = job.text(field);
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
