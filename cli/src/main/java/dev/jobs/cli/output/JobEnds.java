package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waits for jobs a bulk command started again (re-driven, so QUEUED) to end: each is polled until
 * it is SUCCEEDED, FAILED or CANCELLED. Every job is queued already, so a timeout or Ctrl-C only
 * ends the wait.
 */
public final class JobEnds implements Poller.Wait<Map<String, JobPage.Job>> {
  private final JobsClient api;
  private final Duration timeout;
  private final String what;
  private final JobsToEnd jobs = new JobsToEnd();

  private JobEnds(JobsClient api, List<String> ids, Duration timeout, String what) {
    this.api = api;
    this.timeout = timeout;
    this.what = what;
    ids.forEach(id -> jobs.add(id, null));
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
    jobs.poll(api);
    return jobs.open().isEmpty() ? Optional.of(Map.copyOf(jobs.ended())) : Optional.empty();
  }

  @Override
  public String line(Duration waited) {
    int ended = jobs.ended().size();
    return what
        + ": "
        + ended
        + " of "
        + (ended + jobs.open().size())
        + " ended, "
        + Durations.format(waited);
  }

  @Override
  public JobsException timedOut() {
    return Poller.stillAfter(
        jobs.open().size() + " of the " + what,
        "running or queued",
        timeout,
        "they go on; follow one with: jobs wait " + jobs.open().keySet().iterator().next());
  }
}
