package dev.jobs.cli.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The options people type before the subcommand, as with {@code aws --profile p s3 ls}. Picocli
 * reads an option only on the command that declares it, and the root declares none of these; so,
 * before it parses, they move to just after the subcommand path ({@code jobs --profile p get ID}
 * becomes {@code jobs get --profile p ID}). A subcommand that does not take one then reports it as
 * any unknown option, in one line.
 */
final class GlobalOptions {
  /** The options that take a value, as {@code --opt value} or {@code --opt=value}. */
  private static final Set<String> VALUED =
      Set.of(
          "--target",
          "--profile",
          "--region",
          "--endpoint-url",
          "--output",
          "--api-url",
          "--role-arn",
          "--connect-timeout",
          "--read-timeout");

  private static final Set<String> FLAGS =
      Set.of("-q", "--quiet", "-v", "--verbose", "--debug", "--no-progress");

  private GlobalOptions() {}

  /** Every global option's name. */
  static Set<String> names() {
    Set<String> names = new java.util.HashSet<>(VALUED);
    names.addAll(FLAGS);
    return names;
  }

  /**
   * The command line with the global options that come before or between the subcommand words moved
   * after them. {@code subcommands} answers the names of the subcommands under a path (the root's
   * for the empty path); the first word is taken as a subcommand whatever it is, so picocli names a
   * wrong one. Anything else, from the first word that is neither, stays where it is.
   */
  static Moved moveAfterSubcommand(String[] args, Function<List<String>, Set<String>> subcommands) {
    List<String> path = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < args.length) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (FLAGS.contains(arg)) {
        names.add(arg);
        moved.add(arg);
        i++;
      } else if (VALUED.contains(name)) {
        names.add(name);
        moved.add(arg);
        if (name.equals(arg) && i + 1 < args.length) {
          moved.add(args[i + 1]);
          i++;
        }
        i++;
      } else if (!arg.startsWith("-")
          && (path.isEmpty() || subcommands.apply(path).contains(arg))) {
        path.add(arg);
        i++;
      } else {
        break;
      }
    }
    if (moved.isEmpty() || path.isEmpty()) {
      return new Moved(args, path, List.of());
    }
    List<String> result = new ArrayList<>(path);
    result.addAll(moved);
    result.addAll(List.of(args).subList(i, args.length));
    return new Moved(result.toArray(String[]::new), path, names);
  }

  /**
   * A command line after the move: the arguments, the subcommand path, and the names of the options
   * moved, which the command at the end of the path must declare.
   */
  record Moved(String[] args, List<String> path, List<String> options) {}

  /** The first word that is not a global option or its value: the subcommand named, or null. */
  static String subcommand(String[] args) {
    List<String> path = moveAfterSubcommand(args, p -> Set.of()).path();
    return path.isEmpty() ? null : path.get(0);
  }
}
