package dev.jobs.cli.command.console;

import dev.jobs.cli.api.JobQuery;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.console.Browser;
import dev.jobs.cli.console.Console;
import dev.jobs.cli.console.ConsoleServer;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.logs.JobLog;
import dev.jobs.cli.logs.LogWindow;
import dev.jobs.cli.monitor.StackAlarms;
import dev.jobs.cli.session.Session;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * {@code jobs console}: the target's jobs, failures and logs in a browser, served from this process
 * on the loopback address. The pages call the API and CloudWatch Logs here, with this session's
 * signed clients: the browser holds only the console's own token.
 */
@Command(
    name = "console",
    description = {
      "Serve a web console of the target on 127.0.0.1: the jobs with their counts by status, a"
          + " job's record, progress and log with Cancel and Re-drive, and the failures grouped"
          + " by type, error type and condition, re-driven a group at a time after a preview.",
      "Prints the URL (console: http://127.0.0.1:PORT/?token=...), opens it in the browser when"
          + " there is a desktop, and serves until Ctrl-C. The token in the URL is the way in:"
          + " the API and CloudWatch Logs are called here, with your credentials, never from the"
          + " browser."
    })
public final class ConsoleCommand extends TargetedCommand {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "Listen on this port of 127.0.0.1 (default: a free port).")
  int port;

  @Option(names = "--no-open", description = "Print the URL only; do not open a browser.")
  boolean noOpen;

  ConsoleCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    if (port < 0 || port > 65_535) {
      throw new JobsException(ExitCode.USAGE, "--port must be 0 to 65535, not " + port);
    }
    Session session = session();
    // The clients are made now, once: the server's threads share them.
    JobsClient api = session.api();
    // A first call before serving: a target that cannot be reached says so here, in one line.
    api.list(new JobQuery(null, null, null, 1, null));
    String name = session.settings().name();
    List<String> groups = session.settings().target().logGroupNames();
    Console.LogLines logs;
    if (groups.isEmpty()) {
      logs =
          record -> {
            throw new JobsException(
                ExitCode.ERROR,
                "target "
                    + name
                    + " knows no log groups: its stack predates jobs logs (jobs deploy again)");
          };
    } else {
      CloudWatchLogsClient client = session.logs();
      logs =
          record -> {
            LogWindow window = LogWindow.of(record, environment.clock().instant(), null);
            return new JobLog(client, groups, record.id(), null).read(window.start(), window.end());
          };
    }
    try (ConsoleServer server =
        ConsoleServer.start(new Console(name, api, logs, alarms(session), environment), port)) {
      session.out().println("console: " + server.url());
      session.out().flush();
      if (!noOpen) {
        String notOpened = Browser.open(environment, server.url());
        if (notOpened != null) {
          session.err().println("jobs: " + notOpened);
        }
      }
      session.err().println("jobs: serving target " + name + " until Ctrl-C");
      session.err().flush();
      // Ctrl-C ends the JVM; the server's threads are daemons and end with it.
      new CountDownLatch(1).await();
      return ExitCode.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobsException(ExitCode.INTERRUPTED, "interrupted");
    }
  }

  /** The stack's alarms as {@code jobs alarms} reads them; none for the local runtime. */
  private static Console.Alarms alarms(Session session) {
    if (session.settings().isLocal()) {
      return Console.Alarms.NONE;
    }
    String prefix = session.settings().target().alarmNamePrefix();
    String name = session.settings().name();
    return () ->
        Optional.of(
            StackAlarms.read(session.cloudWatch(), name, prefix).stream()
                .map(
                    alarm ->
                        new Console.Alarm(
                            alarm.alarmName().substring(prefix.length()),
                            alarm.stateValueAsString(),
                            alarm.stateUpdatedTimestamp(),
                            alarm.stateReason()))
                .toList());
  }
}
