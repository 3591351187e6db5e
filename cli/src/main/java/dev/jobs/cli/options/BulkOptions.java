package dev.jobs.cli.options;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import picocli.CommandLine.Option;

/**
 * The flags of every command that acts on many jobs at once ({@code redrive}, {@code cancel}): look
 * first, say yes, and how fast.
 */
public final class BulkOptions {
  /** More jobs than this ask for a confirmation on a terminal, and need {@code --yes} without. */
  public static final int ASK_ABOVE = 10;

  /** The fastest {@code --rate}: beyond it, the API's throttling paces the calls anyway. */
  public static final int MAX_RATE = 1000;

  /** The default {@code --rate}, which the console's re-drives keep to as well. */
  public static final int DEFAULT_RATE = 10;

  @Option(
      names = "--dry-run",
      description = "List the jobs this would touch, and how many; touch none.")
  public boolean dryRun;

  @Option(
      names = "--yes",
      description =
          "Go on without asking when more than "
              + ASK_ABOVE
              + " jobs would be touched (without a terminal, needed then).")
  public boolean yes;

  @Option(
      names = "--rate",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_RATE,
      description = "At most N calls a second, 1 to " + MAX_RATE + ". Default: ${DEFAULT-VALUE}.")
  public int rate;

  /** The flags' ranges, checked before the command calls anything. */
  public void check() {
    if (rate < 1 || rate > MAX_RATE) {
      throw new JobsException(
          ExitCode.USAGE, "--rate must be 1 to " + MAX_RATE + " calls a second, not " + rate);
    }
  }
}
