package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.BulkOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One call per job over many jobs, written once for every bulk command ({@code redrive}, {@code
 * cancel}): asks before touching more than {@link BulkOptions#ASK_ABOVE} jobs, paces the calls to
 * {@code --rate} a second, draws a bar on a terminal, and stops between two jobs on Ctrl-C, saying
 * how far it got. What each call did is the command's to say ({@link Call}); the run keeps the
 * steps in order.
 */
public final class BulkRun {
  /**
   * How long a Ctrl-C waits for the call in flight to end, so that the run stops between two jobs
   * and its account is exact; the API client's own timeouts end a call before this.
   */
  static final Duration CALL_IN_FLIGHT = Duration.ofSeconds(15);

  /** What one call did to its job. */
  public enum Outcome {
    /** The job was re-driven, or cancelled: what the command is for. */
    DONE,
    /** The job was not in the state it was selected in any more: someone changed it meanwhile. */
    SKIPPED,
    /** The API refused the job (its status, or no such job): nothing changed. */
    REFUSED
  }

  /**
   * One job's call.
   *
   * @param message the API's reason for a skip or a refusal; null when done
   * @param record the job's record as the call answered it, when it did
   */
  public record Step(String id, Outcome outcome, String message, JobPage.Job record) {}

  /** The call for one job: the command's API call and how it reads the answer. */
  @FunctionalInterface
  public interface Call {
    Step on(String id);
  }

  /**
   * What the command does, in its words: the verb ({@code re-drive}), its participle ({@code
   * re-driven}), the JSON key of the jobs it did it to ({@code redriven}), and how the jobs it
   * waited for ended, by their final status.
   */
  public record Words(String verb, String done, String key, List<End> ends) {}

  /**
   * One way a job waited for ended: its final status, said for people ({@code FAILED again}) and as
   * the JSON key of the list ({@code failedAgain}).
   */
  public record End(String status, String text, String key) {}

  /** The steps taken, in order, and the jobs left untouched when Ctrl-C stopped the run. */
  public record Ran(List<Step> steps, List<String> notTouched, boolean interrupted) {
    public List<String> ids(Outcome outcome) {
      return steps.stream().filter(step -> step.outcome() == outcome).map(Step::id).toList();
    }
  }

  private final Environment environment;
  private final BulkOptions options;
  private final Words words;
  private final ProgressLine line;
  private final PrintWriter notice;
  private final Optional<Confirmation> confirmation;

  /**
   * @param notice where a Ctrl-C that ends the JVM says how far the run got; null for none
   */
  public BulkRun(
      Environment environment,
      BulkOptions options,
      Words words,
      ProgressLine line,
      PrintWriter notice,
      Optional<Confirmation> confirmation) {
    this.environment = environment;
    this.options = options;
    this.words = words;
    this.line = line;
    this.notice = notice;
    this.confirmation = confirmation;
  }

  /**
   * Goes on only when the operator agrees to touch {@code count} jobs: at once up to {@link
   * BulkOptions#ASK_ABOVE} or with {@code --yes}, else after a yes on the terminal; without a
   * terminal it stops with a usage error, before any job is touched.
   */
  public void confirm(int count) {
    if (count <= BulkOptions.ASK_ABOVE || options.yes) {
      return;
    }
    if (confirmation.isEmpty()) {
      throw new JobsException(
          ExitCode.USAGE,
          count
              + " jobs to "
              + words.verb()
              + " and no terminal to confirm on: pass --yes (--dry-run lists them); nothing was"
              + " touched");
    }
    if (!confirmation.get().confirm(capitalized(words.verb()) + " " + count + " jobs?")) {
      throw new JobsException(ExitCode.ERROR, "not confirmed; nothing was touched");
    }
  }

  /**
   * Calls {@code call} for each id in order, at most {@code --rate} a second. A Ctrl-C (the thread
   * interrupted, or SIGINT) stops it before the next job: the answer then says which were not
   * touched. A call that fails (the API unreachable) ends the run with its error.
   */
  public Ran run(List<String> ids, Call call) {
    List<Step> steps = Collections.synchronizedList(new ArrayList<>());
    Stop stop = new Stop();
    Thread hook = notice == null ? null : stop.install(notice, ids, steps, words);
    Instant start = environment.clock().instant();
    Duration spacing = Duration.ofNanos(1_000_000_000L / options.rate);
    boolean interrupted = false;
    try {
      for (int i = 0; i < ids.size(); i++) {
        if (i > 0) {
          Duration wait =
              Duration.between(environment.clock().instant(), start.plus(spacing.multipliedBy(i)));
          try {
            if (!wait.isNegative() && !wait.isZero()) {
              environment.sleeper().sleep(wait);
            }
          } catch (InterruptedException e) {
            // Handled here: the run stops, and the command ends with 130.
            interrupted = true;
            break;
          }
        }
        if (Thread.interrupted()) {
          interrupted = true;
          break;
        }
        if (stop.requested()) {
          stop.pause();
        }
        steps.add(call.on(ids.get(i)));
        show(steps.size(), ids.size(), start);
      }
    } finally {
      line.clear();
      Stop.remove(hook);
    }
    List<Step> taken = List.copyOf(steps);
    return new Ran(taken, List.copyOf(ids.subList(taken.size(), ids.size())), interrupted);
  }

  /** The line a stopped run ends with: how far it got and what was left. */
  public static String howFar(Ran ran) {
    return howFar(ran.steps(), ran.steps().size() + ran.notTouched().size(), ran.notTouched());
  }

  private static String howFar(List<Step> steps, int total, List<String> notTouched) {
    return "stopped after "
        + steps.size()
        + " of "
        + total
        + " jobs"
        + (notTouched.isEmpty() ? "" : "; not touched: " + String.join(" ", notTouched));
  }

  private void show(int done, int total, Instant start) {
    if (!line.enabled()) {
      return;
    }
    Instant now = environment.clock().instant();
    JobPage.Progress progress = new JobPage.Progress(done, total, words.done(), now);
    line.show(
        ProgressBar.render(
            progress, Duration.between(start, now), ProgressBar.left(progress, start, now)));
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * A Ctrl-C that ends the JVM (SIGINT runs the shutdown hooks while the run goes on): the hook
   * asks the run to stop, waits for the call in flight, then says how far the run got. The run,
   * asked, stops before its next job and stays there while the JVM ends.
   */
  private static final class Stop {
    private volatile boolean requested;
    private final CountDownLatch paused = new CountDownLatch(1);

    boolean requested() {
      return requested;
    }

    /** Between two jobs, once asked: signal the hook and wait for the JVM to end. */
    void pause() {
      paused.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    Thread install(PrintWriter err, List<String> ids, List<Step> steps, Words words) {
      return InterruptNotice.install(
          err,
          () -> {
            requested = true;
            try {
              paused.await(CALL_IN_FLIGHT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            List<Step> taken;
            synchronized (steps) {
              taken = List.copyOf(steps);
            }
            return howFar(taken, ids.size(), ids.subList(taken.size(), ids.size()))
                + done(taken, words);
          });
    }

    private static String done(List<Step> steps, Words words) {
      StringBuilder said = new StringBuilder();
      for (Outcome outcome : Outcome.values()) {
        List<String> ids =
            steps.stream().filter(step -> step.outcome() == outcome).map(Step::id).toList();
        if (!ids.isEmpty()) {
          said.append("; ")
              .append(BulkSummary.label(outcome, words))
              .append(": ")
              .append(String.join(" ", ids));
        }
      }
      return said.toString();
    }

    static void remove(Thread hook) {
      InterruptNotice.remove(hook);
    }
  }
}
