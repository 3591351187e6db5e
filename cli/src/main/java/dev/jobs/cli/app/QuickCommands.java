package dev.jobs.cli.app;

import dev.jobs.cli.command.job.GetCommand;
import dev.jobs.cli.command.monitor.StatsCommand;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.options.TargetOptions;
import dev.jobs.cli.options.TimeSpec;
import dev.jobs.cli.session.HttpClients;
import dev.jobs.cli.session.Session;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code jobs get ID} and {@code jobs stats}, the commands people and scripts run most, parsed
 * without picocli. Building picocli's model reflects over annotations and spins a proxy class per
 * annotation type, the largest cost left in a {@code get} process (~100 ms of ~300), and its Java 5
 * class files stay out of the JDK 25 AOT cache. Only plain forms are taken here: {@code get}'s ID,
 * {@code stats}'s {@code --since} and {@code --until}, and the global options below, before or
 * after the command. Anything else ({@code --help}, {@code --debug}, an unknown or repeated option,
 * a missing ID, a time that does not parse) returns null and goes through picocli, which then owns
 * the messages. {@code QuickGetTest} and {@code QuickStatsTest} check that both paths answer alike,
 * and that this path takes the global options the model declares, no more.
 */
final class QuickCommands {
  private QuickCommands() {}

  /** The exit code, or null when picocli should run the command line. */
  static Integer run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
    TargetOptions target = new TargetOptions();
    OutputOptions output = new OutputOptions();
    String command = null;
    String id = null;
    TimeSpec since = null;
    TimeSpec until = null;
    Set<String> given = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        if (command == null) {
          if (!("get".equals(arg) || "status".equals(arg) || "stats".equals(arg))) {
            return null;
          }
          command = arg;
        } else if (id == null && !"stats".equals(command)) {
          id = arg;
        } else {
          return null;
        }
        continue;
      }
      if (arg.equals("-q") || arg.equals("--quiet")) {
        output.quiet = true;
        continue;
      }
      if (arg.equals("--no-progress")) {
        output.noProgress = true;
        continue;
      }
      String name = arg;
      String value;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return null;
      }
      // Picocli reports an option given twice; so let it.
      if (!given.add(name)) {
        return null;
      }
      if (name.equals("--since") || name.equals("--until")) {
        // Only after stats, and only a time that parses: picocli owns the message else.
        if (!"stats".equals(command) || !parses(value)) {
          return null;
        }
        if (name.equals("--since")) {
          since = new TimeSpec(value);
        } else {
          until = new TimeSpec(value);
        }
      } else if (!set(target, output, name, value)) {
        return null;
      }
    }
    boolean stats = "stats".equals(command);
    if (command == null || !stats && id == null) {
      return null;
    }
    Session session =
        new Session(environment, target, output, out, err, HttpClients.Workload.of(command));
    try {
      return stats
          ? StatsCommand.show(session, since, until, environment.clock().instant())
          : GetCommand.show(session, id);
    } catch (RuntimeException e) {
      return FailureReport.print(e, err, false);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static boolean parses(String time) {
    try {
      TimeSpec.parse(time);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The options this path takes: the global options (the flags -v and --debug go to picocli). */
  static final Set<String> OPTIONS =
      Set.of(
          "--target",
          "--profile",
          "--region",
          "--endpoint-url",
          "--api-url",
          "--role-arn",
          "--connect-timeout",
          "--read-timeout",
          "--output",
          "-q",
          "--quiet",
          "--no-progress");

  /** Sets one value option; false for one this path does not take. */
  private static boolean set(
      TargetOptions target, OutputOptions output, String name, String value) {
    switch (name) {
      case "--target" -> target.target = value;
      case "--profile" -> target.aws.profile = value;
      case "--region" -> target.aws.region = value;
      case "--endpoint-url" -> target.aws.endpointUrl = value;
      case "--api-url" -> target.apiUrl = value;
      case "--role-arn" -> target.roleArn = value;
      case "--connect-timeout", "--read-timeout" -> {
        // Picocli owns the message for a value that is not a duration.
        java.time.Duration duration;
        try {
          duration = Durations.parse(value);
        } catch (IllegalArgumentException e) {
          return false;
        }
        if (name.equals("--connect-timeout")) {
          target.aws.connectTimeout = duration;
        } else {
          target.aws.readTimeout = duration;
        }
      }
      case "--output" -> {
        String format = value.toLowerCase(Locale.ROOT);
        if (!(format.equals("text") || format.equals("json"))) {
          return false;
        }
        output.output = OutputOptions.Format.valueOf(format);
      }
      default -> {
        return false;
      }
    }
    return true;
  }
}
