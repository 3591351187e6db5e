package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.Durations;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits for a job to be {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}; {@code 404} counts
 * as "queued" for a grace period, because a job's record is written when its first attempt starts.
 * While it runs, the live line shows its progress as a bar when it reports any.
 */
public final class JobWaiter implements Poller.Wait<JobPrinter.Job> {
  private final JobsClient api;
  private final Clock clock;
  private final String id;
  private final Duration timeout;
  private final Duration grace;
  private String state = "queued";
  private JobPrinter.Job last;

  JobWaiter(JobsClient api, Clock clock, String id, Duration timeout, Duration grace) {
    this.api = api;
    this.clock = clock;
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
            new JobWaiter(api, poller.clock(), id, timeout, grace),
            "job " + id + " goes on. Resume with: jobs wait " + id,
            err);
  }

  @Override
  public Optional<JobPrinter.Job> poll(Duration waited) {
    JobsClient.Response response = api.get(id);
    if (response.found()) {
      JobPrinter.Job job = JobPrinter.parse(response.body(), clock.instant());
      if (job.finished()) {
        return Optional.of(job);
      }
      last = job;
      state =
          job.status()
              + attempt(job)
              + (job.text("cancelRequestedAt") == null ? "" : ", cancel requested");
    } else if (waited.compareTo(grace) >= 0) {
      throw new JobsException(
          ExitCode.NOT_FOUND,
          "job " + id + " not found (still unknown after " + Durations.format(grace) + ")");
    } else {
      state = "queued";
      last = null;
    }
    return Optional.empty();
  }

  @Override
  public String line(Duration waited) {
    String line = "job " + id + ": " + state;
    Optional<JobPage.Progress> progress =
        last == null ? Optional.empty() : last.record().progress();
    if (progress.isEmpty()) {
      return line + ", " + Durations.format(waited);
    }
    Instant now = clock.instant();
    Instant started = last.record().instant("startedAt").orElse(null);
    Duration ran = started == null ? waited : Duration.between(started, now);
    return line
        + " "
        + ProgressBar.render(progress.get(), ran, ProgressBar.left(progress.get(), started, now));
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
