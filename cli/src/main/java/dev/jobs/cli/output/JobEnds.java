package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Waits for jobs a bulk command started again (re-driven, so QUEUED) to end: each is polled until
 * it is SUCCEEDED, FAILED or CANCELLED. Every job is queued already, so a timeout or Ctrl-C only
 * ends the wait.
 */
public final class JobEnds implements Poller.Wait<Map<String, JobPage.Job>> {
  private final JobsClient api;
  private final Duration timeout;
  private final String what;
  private final Set<String> open;
  private final Map<String, JobPage.Job> ended = new LinkedHashMap<>();

  private JobEnds(JobsClient api, List<String> ids, Duration timeout, String what) {
    this.api = api;
    this.timeout = timeout;
    this.what = what;
    this.open = new LinkedHashSet<>(ids);
  }

  /**
   * The final record of each job, by id; throws for a timeout or Ctrl-C.
   *
   * @param what the jobs in the command's words, such as {@code re-driven jobs}
   */
  public static Map<String, JobPage.Job> await(
      Poller poller,
      JobsClient api,
      List<String> ids,
      Duration timeout,
      String what,
      PrintWriter err) {
    JobEnds wait = new JobEnds(api, ids, timeout, what);
    if (ids.isEmpty()) {
      return Map.of();
    }
    return poller.timeout(timeout).awaitOrStop(wait, "the " + what + " go on", err);
  }

  @Override
  public Optional<Map<String, JobPage.Job>> poll(Duration waited) {
    for (String id : List.copyOf(open)) {
      JobsClient.Response response = api.get(id);
      if (!response.found()) {
        throw new JobsException(ExitCode.NOT_FOUND, "job " + id + " not found while waiting");
      }
      JobPage.Job job = JobPage.Job.parse(response.body());
      if (job.finished()) {
        open.remove(id);
        ended.put(id, job);
      }
    }
    return open.isEmpty() ? Optional.of(Map.copyOf(ended)) : Optional.empty();
  }

  @Override
  public String line(Duration waited) {
    return what
        + ": "
        + ended.size()
        + " of "
        + (ended.size() + open.size())
        + " ended, "
        + Durations.format(waited);
  }

  @Override
  public JobsException timedOut() {
    return Poller.stillAfter(
        open.size() + " of the " + what,
        "running or queued",
        timeout,
        "they go on; follow one with: jobs wait " + open.iterator().next());
  }
}
