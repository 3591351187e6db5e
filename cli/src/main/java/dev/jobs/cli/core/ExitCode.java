package dev.jobs.cli.core;

/** The exit codes of {@code jobs}, listed in {@code --help}. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  public static final int JOB_FAILED = 3;
  public static final int TIMED_OUT = 4;
  public static final int CREDENTIALS = 5;
  public static final int NOT_FOUND = 6;

  /** {@code submit --id}: a job of that id exists with other parameters; nothing changed. */
  public static final int EXISTS = 7;

  /** The job waited for ended CANCELLED: neither a success nor a failure of the job. */
  public static final int CANCELLED = 8;

  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
