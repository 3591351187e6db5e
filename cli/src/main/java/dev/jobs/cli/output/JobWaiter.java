package dev.jobs.cli.output;

import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits for a job to be {@code SUCCEEDED} or {@code FAILED}; {@code 404} counts as "queued" for a
 * grace period, because a job's record is written when its first attempt starts.
 */
public final class JobWaiter implements Poller.Wait<JobPrinter.Job> {
  private final JobsClient api;
  private final String id;
  private final Duration timeout;
  private final Duration grace;
  private String state = "queued";

  JobWaiter(JobsClient api, String id, Duration timeout, Duration grace) {
    this.api = api;
    this.id = id;
    this.timeout = timeout;
    this.grace = grace;
  }

  /** The job's final record; throws for a timeout, an id that never appeared, or Ctrl-C. */
  public static JobPrinter.Job await(
      Poller poller, JobsClient api, String id, Duration timeout, Duration grace, PrintWriter err) {
    return poller
        .timeout(timeout)
        .awaitOrStop(
            new JobWaiter(api, id, timeout, grace),
            "job " + id + " goes on. Resume with: jobs wait " + id,
            err);
  }

  @Override
  public Optional<JobPrinter.Job> poll(Duration waited) {
    JobsClient.Response response = api.get(id);
    if (response.found()) {
      JobPrinter.Job job = JobPrinter.parse(response.body());
      if (job.finished()) {
        return Optional.of(job);
      }
      state = job.status() + attempt(job);
    } else if (waited.compareTo(grace) >= 0) {
      throw new JobsException(
          ExitCode.NOT_FOUND,
          "job " + id + " not found (still unknown after " + Durations.format(grace) + ")");
    } else {
      state = "queued";
    }
    return Optional.empty();
  }

  @Override
  public String line(Duration waited) {
    return "job " + id + ": " + state + ", " + Durations.format(waited);
  }

  @Override
  public JobsException timedOut() {
    return Poller.stillAfter("job " + id, state, timeout, "resume with: jobs wait " + id);
  }

  private static String attempt(JobPrinter.Job job) {
    String attempts = job.text("attempts");
    return attempts != null && !attempts.equals("0") && !attempts.equals("1")
        ? " (attempt " + attempts + ")"
        : "";
  }
}
