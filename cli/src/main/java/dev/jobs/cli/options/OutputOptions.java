package dev.jobs.cli.options;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import picocli.CommandLine.Option;

/** How a command talks back: text or JSON, progress, quiet, verbose, debug. */
public final class OutputOptions {
  /** The two output formats. */
  public enum Format {
    text,
    json
  }

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (env JOBS_OUTPUT; default text).")
  public Format output;

  @Option(names = "--no-progress", description = "Do not show the live status line.")
  public boolean noProgress;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the essential answer (an id, a status); no progress.")
  public boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Explain failures in full, with the stack trace.")
  boolean verbose;

  @Option(
      names = "--debug",
      description =
          "Log every HTTP exchange to stderr; Authorization, tokens and secrets are redacted.")
  boolean debug;

  public Format format(Environment environment) {
    if (output != null) {
      return output;
    }
    return environment
        .get("JOBS_OUTPUT")
        .map(
            value -> {
              try {
                return Format.valueOf(value.toLowerCase(java.util.Locale.ROOT));
              } catch (IllegalArgumentException e) {
                throw new JobsException(
                    ExitCode.USAGE, "JOBS_OUTPUT must be text or json, not '" + value + "'");
              }
            })
        .orElse(Format.text);
  }

  public boolean json(Environment environment) {
    return format(environment) == Format.json;
  }

  /** A live status line only for a person at a terminal who did not turn it off. */
  public boolean progress(Environment environment) {
    return environment.terminal() && !noProgress && !quiet && !json(environment);
  }

  public boolean quiet() {
    return quiet;
  }

  public boolean verbose() {
    return verbose || debug;
  }

  public boolean debug() {
    return debug;
  }
}
