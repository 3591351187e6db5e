package dev.jobs.cli.replay;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.output.Poller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the failed jobs a replay was to re-drive, after the replay ended, to their outcomes. A
 * job counts as re-driven once it is no longer {@code FAILED} with the attempts it had when listed
 * (a replay moves it to {@code RUNNING} with one more attempt). Replayed events reach the function
 * asynchronously, so a job not started yet is given {@code grace}; one still untouched after it was
 * not re-driven (its failure was not in the archive's window, or is not archived yet).
 */
public final class Redrive implements Poller.Wait<Redrive.Outcome> {
  /**
   * What became of the listed jobs; ids in the order listed. A re-driven job someone cancelled
   * while it ran again ended too: it is neither a success nor a failure of the replay.
   */
  public record Outcome(
      int listed,
      List<String> succeeded,
      List<String> failedAgain,
      List<String> cancelled,
      List<String> notRedriven) {
    public int redriven() {
      return succeeded.size() + failedAgain.size() + cancelled.size();
    }

    /** The ids re-driven: those that SUCCEEDED, then those that FAILED again, then CANCELLED. */
    public List<String> redrivenIds() {
      List<String> ids = new ArrayList<>(succeeded);
      ids.addAll(failedAgain);
      ids.addAll(cancelled);
      return List.copyOf(ids);
    }
  }

  private final JobsClient api;
  private final List<JobPage.Job> listed;
  private final Duration grace;
  private final Duration timeout;
  private final Map<String, Integer> open = new LinkedHashMap<>();
  private final Set<String> started = new HashSet<>();
  private final List<String> succeeded = new ArrayList<>();
  private final List<String> failedAgain = new ArrayList<>();
  private final List<String> cancelled = new ArrayList<>();
  private final List<String> notRedriven = new ArrayList<>();

  /**
   * @param timeout the whole wait's, for the message when it ends
   */
  Redrive(JobsClient api, List<JobPage.Job> listed, Duration grace, Duration timeout) {
    this.api = api;
    this.listed = listed;
    this.grace = grace;
    this.timeout = timeout;
    listed.forEach(job -> open.put(job.id(), job.attempts()));
  }

  @Override
  public Optional<Outcome> poll(Duration waited) {
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
      } else if ("CANCELLED".equals(job.status())) {
        cancelled.add(id);
        open.remove(id);
      }
    }
    if (waited.compareTo(grace) >= 0) {
      for (String id : List.copyOf(open.keySet())) {
        if (!started.contains(id)) {
          open.remove(id);
          notRedriven.add(id);
        }
      }
    }
    if (!open.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Outcome(
            listed.size(),
            order(succeeded),
            order(failedAgain),
            order(cancelled),
            order(notRedriven)));
  }

  @Override
  public String line(Duration waited) {
    return "re-driven jobs: "
        + (succeeded.size() + failedAgain.size() + cancelled.size())
        + " of "
        + listed.size()
        + " ended, "
        + Durations.format(waited);
  }

  @Override
  public JobsException timedOut() {
    return new JobsException(
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

  private List<String> order(List<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    return listed.stream().map(JobPage.Job::id).filter(wanted::contains).toList();
  }
}
