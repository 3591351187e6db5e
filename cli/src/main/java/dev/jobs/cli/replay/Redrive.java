package dev.jobs.cli.replay;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the failed jobs a replay was to re-drive, after the replay ended, to their outcomes. A
 * job counts as re-driven once it is no longer {@code FAILED} with the attempts it had when listed
 * (a replay moves it to {@code RUNNING} with one more attempt). Replayed events reach the function
 * asynchronously, so a job not started yet is given {@code grace}; one still untouched after it was
 * not re-driven (its failure was not in the archive's window, or is not archived yet).
 */
public final class Redrive {
  /** What became of the listed jobs; ids in the order listed. */
  public record Outcome(
      int listed, List<String> succeeded, List<String> failedAgain, List<String> notRedriven) {
    public int redriven() {
      return succeeded.size() + failedAgain.size();
    }
  }

  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

  private final JobsClient api;
  private final Environment environment;
  private final PrintWriter err;
  private final boolean progress;

  public Redrive(JobsClient api, Environment environment, PrintWriter err, boolean progress) {
    this.api = api;
    this.environment = environment;
    this.err = err;
    this.progress = progress;
  }

  public Outcome follow(
      List<JobPage.Job> listed, Duration grace, Instant deadline, Duration timeout)
      throws InterruptedException {
    Map<String, Integer> open = new LinkedHashMap<>();
    listed.forEach(job -> open.put(job.id(), job.attempts()));
    Set<String> started = new HashSet<>();
    List<String> succeeded = new ArrayList<>();
    List<String> failedAgain = new ArrayList<>();
    List<String> notRedriven = new ArrayList<>();
    Instant begin = environment.clock().instant();
    Instant graceEnd = begin.plus(grace);
    Duration pause = Duration.ofSeconds(1);
    try {
      while (true) {
        for (String id : List.copyOf(open.keySet())) {
          JobsClient.Response response = api.get(id);
          if (!response.found()) {
            // Gone (expired) since it was listed: nothing ran it.
            open.remove(id);
            notRedriven.add(id);
            continue;
          }
          JobPage.Job job = JobPage.Job.parse(response.body());
          boolean redriven = !"FAILED".equals(job.status()) || job.attempts() > open.get(id);
          if (!redriven) {
            continue;
          }
          started.add(id);
          if ("SUCCEEDED".equals(job.status())) {
            succeeded.add(id);
            open.remove(id);
          } else if ("FAILED".equals(job.status())) {
            failedAgain.add(id);
            open.remove(id);
          }
        }
        Instant now = environment.clock().instant();
        if (!now.isBefore(graceEnd)) {
          for (String id : List.copyOf(open.keySet())) {
            if (!started.contains(id)) {
              open.remove(id);
              notRedriven.add(id);
            }
          }
        }
        if (open.isEmpty()) {
          return new Outcome(
              listed.size(),
              order(listed, succeeded),
              order(listed, failedAgain),
              order(listed, notRedriven));
        }
        if (!now.isBefore(deadline)) {
          throw new JobsException(
              ExitCode.TIMED_OUT,
              "after "
                  + Durations.format(timeout)
                  + ", "
                  + open.size()
                  + " of the "
                  + listed.size()
                  + " failed jobs have no outcome yet: "
                  + String.join(" ", open.keySet())
                  + " (follow one with: jobs wait ID)");
        }
        if (progress) {
          err.print(
              "\r\u001b[Kre-driven jobs: "
                  + (succeeded.size() + failedAgain.size())
                  + " of "
                  + listed.size()
                  + " ended, "
                  + Durations.format(Duration.between(begin, now)));
          err.flush();
        }
        Duration left = Duration.between(now, deadline);
        environment.sleeper().sleep(pause.compareTo(left) > 0 ? left : pause);
        pause = pause.multipliedBy(3).dividedBy(2);
        if (pause.compareTo(LONGEST_PAUSE) > 0) {
          pause = LONGEST_PAUSE;
        }
      }
    } finally {
      if (progress) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
  }

  private static List<String> order(List<JobPage.Job> listed, List<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    return listed.stream().map(JobPage.Job::id).filter(wanted::contains).toList();
  }
}
