package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.Durations;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waits for the jobs whose cancel was requested while they ran to end, whichever way: CANCELLED
 * when they stopped for it, SUCCEEDED or FAILED when they ran on to their end. Every cancel is
 * already recorded, so a timeout or Ctrl-C only ends the wait.
 */
public final class CancelWaiter implements Poller.Wait<List<Cancellation>> {
  private final JobsClient api;
  private final Clock clock;
  private final Duration timeout;
  private final List<Cancellation> cancels;
  private final JobsToEnd jobs = new JobsToEnd();

  private CancelWaiter(JobsClient api, Clock clock, Duration timeout, List<Cancellation> cancels) {
    this.api = api;
    this.clock = clock;
    this.timeout = timeout;
    this.cancels = cancels;
    for (Cancellation cancel : cancels) {
      if (cancel.outcome() == Cancellation.Outcome.REQUESTED) {
        jobs.add(cancel.id(), cancel.record());
      }
    }
  }

  /**
   * The cancels, each REQUESTED one with its job's final record; throws for a timeout or Ctrl-C.
   */
  public static List<Cancellation> await(
      Poller poller,
      JobsClient api,
      Duration timeout,
      List<Cancellation> cancels,
      PrintWriter err) {
    CancelWaiter wait = new CancelWaiter(api, poller.clock(), timeout, cancels);
    if (wait.jobs.open().isEmpty()) {
      return cancels;
    }
    return poller.timeout(timeout).awaitOrStop(wait, wait.goesOn(), err);
  }

  @Override
  public Optional<List<Cancellation>> poll(Duration waited) {
    jobs.poll(api);
    if (!jobs.open().isEmpty()) {
      return Optional.empty();
    }
    List<Cancellation> done = new ArrayList<>();
    for (Cancellation cancel : cancels) {
      JobPage.Job last = jobs.ended().get(cancel.id());
      done.add(last == null ? cancel : cancel.ended(last));
    }
    return Optional.of(done);
  }

  @Override
  public String line(Duration waited) {
    Map<String, JobPage.Job> open = jobs.open();
    int ended = jobs.ended().size();
    if (open.size() == 1 && ended == 0) {
      Map.Entry<String, JobPage.Job> only = open.entrySet().iterator().next();
      String id = only.getKey();
      JobPage.Job job = only.getValue();
      Optional<JobPage.Progress> progress = job.progress();
      String line = "job " + id + ": RUNNING, cancel requested";
      if (progress.isEmpty()) {
        return line + ", " + Durations.format(waited);
      }
      Instant now = clock.instant();
      Instant started = job.instant("startedAt").orElse(null);
      Duration ran = started == null ? waited : Duration.between(started, now);
      return line
          + " "
          + ProgressBar.render(progress.get(), ran, ProgressBar.left(progress.get(), started, now));
    }
    return "cancel: "
        + ended
        + " of "
        + (ended + open.size())
        + " jobs stopped, "
        + Durations.format(waited);
  }

  @Override
  public JobsException timedOut() {
    Map<String, JobPage.Job> open = jobs.open();
    String what =
        open.size() == 1 ? "job " + open.keySet().iterator().next() : open.size() + " jobs";
    return Poller.stillAfter(
        what, "RUNNING with a cancel requested", timeout, "the cancel stands; " + resume());
  }

  private String goesOn() {
    return "the cancel stands. Resume with: " + command();
  }

  private String resume() {
    return "resume with: " + command();
  }

  private String command() {
    return "jobs cancel --wait " + String.join(" ", jobs.open().keySet());
  }
}
