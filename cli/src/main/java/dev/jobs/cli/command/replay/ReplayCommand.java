package dev.jobs.cli.command.replay;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.options.Durations;
import dev.jobs.cli.options.NameRule;
import dev.jobs.cli.options.WindowOptions;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.JobTable;
import dev.jobs.cli.replay.FailedJobs;
import dev.jobs.cli.replay.Redrive;
import dev.jobs.cli.replay.ReplayArchive;
import dev.jobs.cli.replay.ReplayJson;
import dev.jobs.cli.replay.ReplayNames;
import dev.jobs.cli.replay.ReplayWait;
import dev.jobs.cli.session.Session;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.StartReplayResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code jobs replay}: re-drives failed jobs from the archive through the replay rule. */
@Command(
    modelTransformer = WindowOptions.Words.class,
    name = "replay",
    description = {
      "Re-drive the failed jobs of a window: every job whose failure falls between --since and"
          + " --until runs again under its id, each once, and a job that has run again or"
          + " succeeded since is left alone.",
      "How: an EventBridge replay (StartReplay) of the failed-jobs archive onto its bus,"
          + " restricted to the replay rule; every failure of a run is archived (not a job whose"
          + " parameters were refused, ValidationFailed: it would fail again). Uses your own"
          + " credentials"
          + " (the profile) for EventBridge, the invoke role to list and follow the jobs.",
      "On AWS, EventBridge may take minutes to archive a failure: a window ending less than 10"
          + " minutes ago gets a warning. The local runtime archives at once.",
      "With --wait: exit 0 when every re-driven job SUCCEEDED, 3 when some FAILED again, 1 when"
          + " the replay failed or was cancelled, 4 on timeout."
    })
public final class ReplayCommand extends TargetedCommand {
  private static final NameRule NAME =
      NameRule.of(
          "[.\\-_A-Za-z0-9]{1,64}", "a replay name (letters, digits, '.', '-', '_'; 64 at most)");

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @Mixin WindowOptions window;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The replay's name (default: jobs-replay-<UTC time>).")
  String name;

  @Option(
      names = "--wait",
      description =
          "Follow the replay to its end, then the re-driven jobs to theirs, and print how many"
              + " were re-driven, SUCCEEDED and FAILED again.")
  boolean await;

  @Option(
      names = "--dry-run",
      description =
          "List the failed jobs of the window, which a replay would re-drive; start nothing.")
  boolean dryRun;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      description = "With --wait: give up after this long (exit 4). Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      defaultValue = "2m",
      description =
          "With --wait: how long after the replay a listed job may take to start before it counts"
              + " as not re-driven (replayed events reach the function asynchronously)."
              + " Default: ${DEFAULT-VALUE}.")
  Duration grace;

  ReplayCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    Durations.notNegative("--timeout", timeout);
    Durations.notNegative("--grace", grace);
    Session session = session();
    Instant now = session.environment().clock().instant();
    // --since is required here: the window has no default start.
    WindowOptions.Window window = this.window.resolve(now, Duration.ZERO);
    Instant start = window.start();
    Instant end = window.end();
    if (end.isAfter(now)) {
      throw new JobsException(ExitCode.USAGE, "--until " + end + " is in the future");
    }
    String replayName = name == null ? "jobs-replay-" + STAMP.format(now) : name;
    NAME.check("--name", replayName);
    String busArn = session.settings().eventBusArn();
    String ruleArn = session.settings().replayRuleArn();
    DescribeArchiveResponse archive = ReplayArchive.describe(session);
    ReplayArchive.warnIfRecent(session, end, now);
    if (dryRun) {
      List<JobPage.Job> failed = FailedJobs.in(session.api(), start, end);
      session
          .printer()
          .print(new DryRun(archive, replayName, start, end, busArn, ruleArn, failed).answer());
      return ExitCode.OK;
    }
    // Listed before the replay starts, with their attempts: how a re-driven job is told apart.
    List<JobPage.Job> failed = await ? FailedJobs.in(session.api(), start, end) : List.of();
    StartReplayResponse started =
        ReplayArchive.start(session, replayName, archive, start, end, busArn, ruleArn);
    ReplayNames.remember(environment, List.of(replayName));
    if (!await) {
      session
          .printer()
          .print(
              Answer.of(
                  () -> {
                    ObjectNode json = Json.mapper().createObjectNode();
                    json.put("name", replayName);
                    json.put("arn", started.replayArn());
                    json.put("state", started.stateAsString());
                    json.put("archive", archive.archiveName());
                    json.put("eventStartTime", start.toString());
                    json.put("eventEndTime", end.toString());
                    return json;
                  },
                  replayName,
                  out ->
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
                              + "; follow it with: jobs replays list")));
      return ExitCode.OK;
    }
    Instant deadline = now.plus(timeout);
    DescribeReplayResponse replay = ReplayWait.replay(session, replayName, deadline, timeout);
    if (replay.state() != ReplayState.COMPLETED) {
      print(session, replay, null);
      return ExitCode.ERROR;
    }
    Redrive.Outcome outcome =
        ReplayWait.jobs(session, replayName, failed, grace, deadline, timeout);
    print(session, replay, outcome);
    return outcome.failedAgain().isEmpty() ? ExitCode.OK : ExitCode.JOB_FAILED;
  }

  /** The replay's end and, when it completed, what became of the failed jobs. */
  private static void print(
      Session session, DescribeReplayResponse replay, Redrive.Outcome outcome) {
    session
        .printer()
        .print(
            Answer.of(
                () -> json(replay, outcome),
                replay.stateAsString(),
                out -> text(out, replay, outcome)));
    if (outcome != null && !outcome.notRedriven().isEmpty()) {
      session
          .err()
          .println(
              "jobs: warning: "
                  + outcome.notRedriven().size()
                  + " failed job(s) of the window not re-driven (failure not in the replayed"
                  + " archive window?): "
                  + String.join(" ", outcome.notRedriven()));
      session.err().flush();
    }
  }

  private static ObjectNode json(DescribeReplayResponse replay, Redrive.Outcome outcome) {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("name", replay.replayName());
    json.put("arn", replay.replayArn());
    ReplayJson.putState(json, replay);
    if (replay.eventLastReplayedTime() != null) {
      json.put("eventLastReplayedTime", replay.eventLastReplayedTime().toString());
    }
    if (outcome != null) {
      json.put("listed", outcome.listed());
      json.put("redriven", outcome.redriven());
      json.put("succeeded", outcome.succeeded().size());
      json.put("failedAgain", outcome.failedAgain().size());
      json.put("cancelled", outcome.cancelled().size());
      outcome.redrivenIds().forEach(json.putArray("redrivenIds")::add);
      outcome.succeeded().forEach(json.putArray("succeededIds")::add);
      outcome.failedAgain().forEach(json.putArray("failedAgainIds")::add);
      outcome.cancelled().forEach(json.putArray("cancelledIds")::add);
      outcome.notRedriven().forEach(json.putArray("notRedrivenIds")::add);
    }
    return json;
  }

  private static void text(
      PrintWriter out, DescribeReplayResponse replay, Redrive.Outcome outcome) {
    out.println(
        "replay "
            + replay.replayName()
            + " "
            + replay.stateAsString()
            + (replay.stateReason() == null ? "" : ": " + replay.stateReason()));
    if (outcome != null) {
      out.println(
          "re-driven "
              + outcome.redriven()
              + ": SUCCEEDED "
              + outcome.succeeded().size()
              + ", FAILED again "
              + outcome.failedAgain().size()
              + (outcome.cancelled().isEmpty() ? "" : ", CANCELLED " + outcome.cancelled().size()));
      if (!outcome.redrivenIds().isEmpty()) {
        out.println("re-driven: " + String.join(" ", outcome.redrivenIds()));
      }
      if (!outcome.failedAgain().isEmpty()) {
        out.println("FAILED again: " + String.join(" ", outcome.failedAgain()));
      }
    }
  }

  /** What a replay of the window would do: the archive it reads, onto which bus, which jobs. */
  private record DryRun(
      DescribeArchiveResponse archive,
      String replayName,
      Instant start,
      Instant end,
      String busArn,
      String ruleArn,
      List<JobPage.Job> failed) {

    Answer answer() {
      return Answer.of(
          this::json,
          out -> failed.forEach(job -> out.println(job.id())),
          out -> {
            out.println("would start replay " + replayName);
            out.printf("  %-12s %s (%s)%n", "archive", archive.archiveName(), archive.archiveArn());
            out.printf("  %-12s %s to %s%n", "window", start, end);
            out.printf("  %-12s %s%n", "onto bus", busArn);
            out.printf("  %-12s %s%n", "rule only", ruleArn);
            out.printf(
                "  %-12s %d, each re-driven once by the replay%n", "failed jobs", failed.size());
            if (!failed.isEmpty()) {
              JobTable.print(out, failed);
            }
          });
    }

    private ObjectNode json() {
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
      json.put("failedJobCount", failed.size());
      ArrayNode jobs = json.putArray("failedJobs");
      failed.forEach(job -> jobs.add(Json.mapper().readTree(Json.write(job.node()))));
      return json;
    }
  }
}
