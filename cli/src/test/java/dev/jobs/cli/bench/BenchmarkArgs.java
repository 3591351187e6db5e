package dev.jobs.cli.bench;

/** A benchmark's command line: whole numbers by position, each with a default where it stops. */
final class BenchmarkArgs {
  private BenchmarkArgs() {}

  /** The number at {@code index}, or {@code otherwise} when the command line is shorter. */
  static int number(String[] args, int index, int otherwise) {
    return args.length > index ? Integer.parseInt(args[index]) : otherwise;
  }
}
