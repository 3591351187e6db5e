package dev.jobs.backend.log;

/** Where a function's job log lines go: in Lambda its log, one line each; locally a store. */
@FunctionalInterface
public interface JobLogSink {
  /** Takes a line; must not throw for an outage of its own (a log line never fails a job). */
  void write(JobLogLine line);

  /**
   * The function's standard output as it was before {@link StandardStreams} took it over: in Lambda
   * that is the function's log stream, where each JSON line is one event of the log group.
   */
  static JobLogSink standardOutput() {
    return line -> StandardStreams.printOut(line.json());
  }
}
