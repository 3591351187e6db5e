package dev.jobs.cli.replay;

import dev.jobs.cli.Durations;
import dev.jobs.cli.Environment;
import dev.jobs.cli.ExitCode;
import dev.jobs.cli.JobsException;
import dev.jobs.cli.Json;
import dev.jobs.cli.OutputOptions;
import dev.jobs.cli.Session;
import dev.jobs.cli.TargetOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.StartReplayResponse;
import tools.jackson.databind.node.ObjectNode;

/** {@code jobs replay}: re-drives failed jobs from the archive through the replay rule. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay failed jobs from the archive (EventBridge StartReplay).",
      "The archive's events of the window go onto its bus, restricted to the replay rule, so the"
          + " failed jobs run again under their ids. Uses your own credentials (the profile), not"
          + " the invoke role."
    })
public final class ReplayCommand implements Callable<Integer> {
  private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin OutputOptions output;

  @Option(
      names = "--since",
      required = true,
      paramLabel = "TIME",
      converter = TimeSpec.Converter.class,
      description = "Start of the window: an ISO-8601 instant or a duration ago (90m, 2h, 3d).")
  TimeSpec since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      converter = TimeSpec.Converter.class,
      description = "End of the window, as --since (default: now).")
  TimeSpec until;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The replay's name (default: jobs-replay-<UTC time>).")
  String name;

  @Option(names = "--wait", description = "Follow the replay to a final state.")
  boolean await;

  @Option(names = "--dry-run", description = "Print what would be replayed; start nothing.")
  boolean dryRun;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = Durations.class,
      defaultValue = "30m",
      description = "With --wait: give up after this long (exit 4). Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  ReplayCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Session session = Session.of(environment, spec, target, output);
    Instant now = session.environment().clock().instant();
    Instant start = since.resolve(now);
    Instant end = until == null ? now : until.resolve(now);
    if (!start.isBefore(end)) {
      throw new JobsException(
          ExitCode.USAGE, "--since must be before --until (" + start + " >= " + end + ")");
    }
    if (end.isAfter(now)) {
      throw new JobsException(ExitCode.USAGE, "--until " + end + " is in the future");
    }
    String replayName = name == null ? "jobs-replay-" + STAMP.format(now) : name;
    if (!NAME.matcher(replayName).matches()) {
      throw new JobsException(
          ExitCode.USAGE,
          "--name '"
              + replayName
              + "' is not a replay name (letters, digits, '.', '-', '_'; 64 at most)");
    }
    String busArn = session.settings().eventBusArn();
    String ruleArn = session.settings().replayRuleArn();
    DescribeArchiveResponse archive = ReplayArchive.describe(session);
    PrintWriter out = session.out();
    if (dryRun) {
      printDryRun(session, out, archive, replayName, start, end, busArn, ruleArn);
      return ExitCode.OK;
    }
    StartReplayResponse started;
    try {
      started =
          session
              .eventBridge()
              .startReplay(
                  r ->
                      r.replayName(replayName)
                          .eventSourceArn(archive.archiveArn())
                          .eventStartTime(start)
                          .eventEndTime(end)
                          .description("jobs replay of " + archive.archiveName())
                          .destination(d -> d.arn(busArn).filterArns(ruleArn)));
    } catch (ResourceAlreadyExistsException e) {
      throw new JobsException(
          ExitCode.USAGE,
          "a replay named " + replayName + " exists already; pick another --name",
          e);
    } catch (SdkException e) {
      throw ReplayArchive.failure(session, e, "StartReplay " + replayName);
    }
    if (!await) {
      if (session.json()) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("name", replayName);
        json.put("arn", started.replayArn());
        json.put("state", started.stateAsString());
        json.put("archive", archive.archiveName());
        json.put("eventStartTime", start.toString());
        json.put("eventEndTime", end.toString());
        out.println(json);
      } else if (output.quiet()) {
        out.println(replayName);
      } else {
        out.println(
            "replay "
                + replayName
                + " "
                + started.stateAsString()
                + ": "
                + archive.archiveName()
                + " from "
                + start
                + " to "
                + end
                + "; follow it with: jobs replays list");
      }
      return ExitCode.OK;
    }
    return follow(session, replayName);
  }

  private int follow(Session session, String replayName) {
    Instant begin = session.environment().clock().instant();
    Instant deadline = begin.plus(timeout);
    boolean progress = session.output().progress(session.environment());
    PrintWriter err = session.err();
    Duration pause = Duration.ofSeconds(1);
    try {
      while (true) {
        DescribeReplayResponse replay;
        try {
          replay = session.eventBridge().describeReplay(r -> r.replayName(replayName));
        } catch (SdkException e) {
          throw ReplayArchive.failure(session, e, "DescribeReplay " + replayName);
        }
        ReplayState state = replay.state();
        if (state == ReplayState.COMPLETED
            || state == ReplayState.FAILED
            || state == ReplayState.CANCELLED) {
          if (progress) {
            err.print("\r\u001b[K");
            err.flush();
          }
          print(session, replay);
          return state == ReplayState.COMPLETED ? ExitCode.OK : ExitCode.ERROR;
        }
        Instant now = session.environment().clock().instant();
        if (!now.isBefore(deadline)) {
          throw new JobsException(
              ExitCode.TIMED_OUT,
              "replay "
                  + replayName
                  + " is still "
                  + replay.stateAsString()
                  + " after "
                  + Durations.format(timeout)
                  + "; it goes on (see: jobs replays list)");
        }
        if (progress) {
          err.print(
              "\r\u001b[Kreplay "
                  + replayName
                  + ": "
                  + replay.stateAsString()
                  + ", "
                  + Durations.format(Duration.between(begin, now)));
          err.flush();
        }
        session.environment().sleeper().sleep(pause);
        pause = pause.multipliedBy(3).dividedBy(2);
        if (pause.compareTo(Duration.ofSeconds(10)) > 0) {
          pause = Duration.ofSeconds(10);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobsException(
          ExitCode.INTERRUPTED, "interrupted; replay " + replayName + " goes on");
    }
  }

  private void print(Session session, DescribeReplayResponse replay) {
    PrintWriter out = session.out();
    if (session.json()) {
      ObjectNode json = Json.mapper().createObjectNode();
      json.put("name", replay.replayName());
      json.put("arn", replay.replayArn());
      json.put("state", replay.stateAsString());
      if (replay.stateReason() != null) {
        json.put("stateReason", replay.stateReason());
      }
      json.put("eventStartTime", String.valueOf(replay.eventStartTime()));
      json.put("eventEndTime", String.valueOf(replay.eventEndTime()));
      if (replay.eventLastReplayedTime() != null) {
        json.put("eventLastReplayedTime", replay.eventLastReplayedTime().toString());
      }
      out.println(json);
    } else if (output.quiet()) {
      out.println(replay.stateAsString());
    } else {
      out.println(
          "replay "
              + replay.replayName()
              + " "
              + replay.stateAsString()
              + (replay.stateReason() == null ? "" : ": " + replay.stateReason()));
    }
  }

  private void printDryRun(
      Session session,
      PrintWriter out,
      DescribeArchiveResponse archive,
      String replayName,
      Instant start,
      Instant end,
      String busArn,
      String ruleArn) {
    if (session.json()) {
      ObjectNode json = Json.mapper().createObjectNode();
      json.put("dryRun", true);
      json.put("name", replayName);
      json.put("archive", archive.archiveName());
      json.put("archiveArn", archive.archiveArn());
      json.put("eventStartTime", start.toString());
      json.put("eventEndTime", end.toString());
      json.put("destination", busArn);
      json.put("filterArn", ruleArn);
      if (archive.eventCount() != null) {
        json.put("archiveEventCount", archive.eventCount());
      }
      out.println(json);
      return;
    }
    out.println("would start replay " + replayName);
    out.printf("  %-12s %s (%s)%n", "archive", archive.archiveName(), archive.archiveArn());
    out.printf("  %-12s %s to %s%n", "window", start, end);
    out.printf("  %-12s %s%n", "onto bus", busArn);
    out.printf("  %-12s %s%n", "rule only", ruleArn);
    out.printf(
        "  %-12s %s%n",
        "events",
        archive.eventCount() == null
            ? "unknown"
            : archive.eventCount()
                + " in the whole archive (EventBridge gives no count per window)");
  }
}
