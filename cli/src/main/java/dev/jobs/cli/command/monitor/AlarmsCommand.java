package dev.jobs.cli.command.monitor;

import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.monitor.StackAlarms;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.Timestamps;
import dev.jobs.cli.session.Session;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code jobs alarms}: the stack's alarms and their states (CloudWatch {@code DescribeAlarms} on
 * the names its {@code AlarmNamePrefix} output gives), those in ALARM first.
 */
@Command(
    name = "alarms",
    description = {
      "List the stack's CloudWatch alarms and their states, those in ALARM first (DescribeAlarms,"
          + " with your own credentials).",
      "The local runtime has no CloudWatch: there, jobs stats adds up the jobs instead."
    })
public final class AlarmsCommand extends TargetedCommand {
  AlarmsCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    Session session = session();
    if (session.settings().isLocal()) {
      throw new JobsException(
          ExitCode.USAGE,
          "the local runtime has no CloudWatch, so no alarms; 'jobs stats' adds up its jobs");
    }
    String prefix = session.settings().target().alarmNamePrefix();
    List<MetricAlarm> alarms =
        StackAlarms.read(session.cloudWatch(), session.settings().name(), prefix);
    String region = session.settings().region().id();
    session
        .printer()
        .print(
            Answer.of(
                () -> json(alarms, prefix),
                out ->
                    alarms.stream()
                        .filter(alarm -> alarm.stateValue() == StateValue.ALARM)
                        .forEach(alarm -> out.println(alarm.alarmName())),
                out -> text(out, alarms, prefix, region)));
    return ExitCode.OK;
  }

  private static void text(
      PrintWriter out, List<MetricAlarm> alarms, String prefix, String region) {
    if (alarms.isEmpty()) {
      out.println("no alarms named " + prefix + "* in " + region);
    } else {
      for (MetricAlarm alarm : alarms) {
        out.printf(
            Locale.ROOT,
            "%-17s %-26s %s%n",
            alarm.stateValueAsString(),
            alarm.alarmName().substring(prefix.length()),
            alarm.stateUpdatedTimestamp() == null
                ? ""
                : "since " + Timestamps.toSecond(alarm.stateUpdatedTimestamp().toString()));
      }
      long firing = alarms.stream().filter(a -> a.stateValue() == StateValue.ALARM).count();
      out.println(
          firing == 0
              ? "no alarm in ALARM"
              : firing + " in ALARM: see 'jobs stats' and the dashboard (jobs target show)");
    }
  }

  private static ArrayNode json(List<MetricAlarm> alarms, String prefix) {
    ArrayNode array = Json.mapper().createArrayNode();
    for (MetricAlarm alarm : alarms) {
      ObjectNode entry = array.addObject();
      entry.put("name", alarm.alarmName());
      entry.put("alarm", alarm.alarmName().substring(prefix.length()));
      entry.put("state", alarm.stateValueAsString());
      entry.put(
          "since",
          alarm.stateUpdatedTimestamp() == null ? null : alarm.stateUpdatedTimestamp().toString());
      entry.put("reason", alarm.stateReason());
      entry.put("description", alarm.alarmDescription());
      entry.put("namespace", alarm.namespace());
      entry.put("metric", alarm.metricName());
    }
    return array;
  }
}
