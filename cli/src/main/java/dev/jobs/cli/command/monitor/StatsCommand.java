package dev.jobs.cli.command.monitor;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobWindow;
import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.monitor.JobStats;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.options.TimeSpec;
import dev.jobs.cli.options.WindowOptions;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.session.Session;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code jobs stats}: the jobs of a window added up by the API ({@code GET /jobs/stats}, from
 * counters kept as jobs change: one call for any window), so that it reads the same on AWS and on
 * the local runtime (which has no CloudWatch). A stack or runtime from before that method gets the
 * old way, said in one line: every page of the list API for the window.
 */
@Command(
    name = "stats",
    description = {
      "Add up the jobs of a window (one signed GET /jobs/stats, from the API's counters): how"
          + " many in each status and how many RUNNING ones stalled, the run time's median and p95"
          + " (within 4.5 percent), failures by error type and condition, and the job RUNNING longest.",
      "The window filters on a job's status time, as jobs list does, in whole minutes: a job"
          + " RUNNING since before --since is not seen. A stack deployed before the method is"
          + " read the old way, every page of GET /jobs, and a line on stderr says so."
    })
public final class StatsCommand extends TargetedCommand {
  /** The window when --since is not given, as the list API's default. */
  static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  @Mixin WindowOptions window;

  StatsCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    Instant now = environment.clock().instant();
    WindowOptions.Window window = this.window.resolve(now, DEFAULT_WINDOW);
    return show(session(), window, now);
  }

  /**
   * The stats of {@code --since} and {@code --until} (either null when not given): picocli's path
   * and the quick one ({@code QuickCommands}) both end here.
   */
  public static int show(Session session, TimeSpec since, TimeSpec until, Instant now) {
    return show(session, WindowOptions.resolve(since, until, now, DEFAULT_WINDOW), now);
  }

  private static int show(Session session, WindowOptions.Window window, Instant now) {
    // The counters are per minute: the window is read in whole minutes, the current one included.
    Instant start = window.start().truncatedTo(ChronoUnit.MINUTES);
    Instant end = ceilingMinute(window.end());
    Optional<String> answer = session.api().stats(start, end);
    JobStats stats;
    if (answer.isPresent()) {
      stats = JobStats.fromAnswer(answer.get());
    } else {
      session
          .err()
          .println(
              "note: this stack has no GET /jobs/stats (deployed before it): adding up every job"
                  + " of the window instead, page by page; jobs deploy makes it one call");
      session.err().flush();
      stats = JobStats.of(JobWindow.every(session.api(), (String) null, start, end), now);
    }
    // -q changes nothing here: the numbers are the answer.
    session
        .printer()
        .print(
            Answer.of(
                () -> json(stats, start, end, now),
                out -> text(out, stats, start, end, now),
                out -> text(out, stats, start, end, now)));
    return ExitCode.OK;
  }

  private static void text(
      PrintWriter out, JobStats stats, Instant start, Instant end, Instant now) {
    out.println("jobs with a status time from " + second(start) + " to " + second(end) + ":");
    stats
        .countsInOrder()
        .forEach(
            (status, count) ->
                out.printf(
                    Locale.ROOT,
                    "  %-10s %6d%s%n",
                    status,
                    count,
                    status.equals("RUNNING") && stats.stalled() > 0
                        ? "  (" + stats.stalled() + " stalled)"
                        : ""));
    out.printf(Locale.ROOT, "  %-10s %6d%n", "total", stats.total());
    Optional<Duration> median = stats.runTime(50);
    if (median.isPresent()) {
      out.println(
          "run time of "
              + stats.finished()
              + " finished: median "
              + millis(median.get())
              + ", p95 "
              + millis(stats.runTime(95).orElseThrow()));
    } else {
      out.println("run time: no job finished");
    }
    if (!stats.failures().isEmpty()) {
      out.println("failures:");
      for (JobStats.Failure failure : stats.failures()) {
        out.printf(Locale.ROOT, "  %6d  %s%n", failure.count(), failure.shown());
      }
    }
    stats
        .oldestRunning()
        .ifPresent(
            job ->
                out.println(
                    "RUNNING longest: "
                        + job.id()
                        + " ("
                        + job.type()
                        + "), started "
                        + job.text("startedAt")
                        + ", "
                        + Durations.format(
                            Duration.between(job.instant("startedAt").orElseThrow(), now))
                        + " ago"
                        + (job.stalled(now) ? ", stalled" : "")));
  }

  private static Instant ceilingMinute(Instant instant) {
    Instant floor = instant.truncatedTo(ChronoUnit.MINUTES);
    return floor.equals(instant) ? instant : floor.plus(1, ChronoUnit.MINUTES);
  }

  /** Milliseconds under ten seconds, where they matter; the short form above. */
  private static String millis(Duration duration) {
    return duration.toMillis() < 10_000 ? duration.toMillis() + "ms" : Durations.format(duration);
  }

  /** Timestamps are shown to the second, as by every command. */
  private static Instant second(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  private static ObjectNode json(JobStats stats, Instant start, Instant end, Instant now) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("since", second(start).toString());
    root.put("until", second(end).toString());
    root.put("total", stats.total());
    ObjectNode counts = root.putObject("counts");
    stats.countsInOrder().forEach(counts::put);
    root.put("stalled", stats.stalled());
    ObjectNode runTime = root.putObject("runTime");
    runTime.put("jobs", stats.finished());
    stats.runTime(50).ifPresent(d -> runTime.put("medianMillis", d.toMillis()));
    stats.runTime(95).ifPresent(d -> runTime.put("p95Millis", d.toMillis()));
    ArrayNode failures = root.putArray("failures");
    for (JobStats.Failure failure : stats.failures()) {
      ObjectNode entry = failures.addObject();
      entry.put("type", failure.type());
      entry.put("condition", failure.condition());
      entry.put("count", failure.count());
    }
    Optional<JobPage.Job> oldest = stats.oldestRunning();
    if (oldest.isPresent()) {
      JobPage.Job job = oldest.get();
      ObjectNode running = root.putObject("oldestRunning");
      running.put("id", job.id());
      running.put("type", job.type());
      running.put("startedAt", job.text("startedAt"));
      running.put(
          "ageSeconds", Duration.between(job.instant("startedAt").orElseThrow(), now).toSeconds());
      running.put("stalled", job.stalled(now));
    } else {
      root.putNull("oldestRunning");
    }
    return root;
  }
}
