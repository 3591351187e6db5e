package dev.jobs.cli.command.replay;

import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.completion.Candidates;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.Timestamps;
import dev.jobs.cli.replay.ReplayArchive;
import dev.jobs.cli.replay.ReplayJson;
import dev.jobs.cli.replay.ReplayNames;
import dev.jobs.cli.session.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.model.CancelReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.IllegalStatusException;
import software.amazon.awssdk.services.eventbridge.model.Replay;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code jobs replays}: the replays of the target's archive. */
@Command(
    name = "replays",
    description = "List or cancel the replays of the failed-jobs archive.",
    subcommands = {ReplaysCommand.ListReplays.class, ReplaysCommand.Cancel.class})
public final class ReplaysCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK;
  }

  /** {@code jobs replays list}. */
  @Command(
      name = "list",
      aliases = "ls",
      description = "List the replays of the archive, newest first.")
  static final class ListReplays extends TargetedCommand {
    ListReplays(Environment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      Session session = session();
      String archiveArn = ReplayArchive.describe(session).archiveArn();
      List<Replay> replays;
      try {
        replays =
            session.eventBridge().listReplays(r -> r.eventSourceArn(archiveArn)).replays().stream()
                .sorted(
                    (a, b) ->
                        String.valueOf(b.replayStartTime())
                            .compareTo(String.valueOf(a.replayStartTime())))
                .toList();
      } catch (SdkException e) {
        throw ReplayArchive.failure(session, e, "ListReplays");
      }
      ReplayNames.remember(environment, replays.stream().map(Replay::replayName).toList());
      String archiveName = replays.isEmpty() ? session.settings().archiveName() : null;
      session
          .printer()
          .print(
              Answer.of(
                  () -> json(replays),
                  out -> replays.forEach(replay -> out.println(replay.replayName())),
                  out -> {
                    if (replays.isEmpty()) {
                      out.println("no replays of " + archiveName);
                    }
                    for (Replay replay : replays) {
                      out.printf(
                          "%-32s %-10s %s .. %s%n",
                          replay.replayName(),
                          replay.stateAsString(),
                          Timestamps.toSecond(String.valueOf(replay.eventStartTime())),
                          Timestamps.toSecond(String.valueOf(replay.eventEndTime())));
                    }
                  }));
      return ExitCode.OK;
    }

    private static ArrayNode json(List<Replay> replays) {
      ArrayNode array = Json.mapper().createArrayNode();
      for (Replay replay : replays) {
        ObjectNode json = array.addObject().put("name", replay.replayName());
        ReplayJson.putState(json, replay);
        json.put("replayStartTime", String.valueOf(replay.replayStartTime()));
      }
      return array;
    }
  }

  /** {@code jobs replays cancel}. */
  @Command(name = "cancel", description = "Cancel a replay that has not finished.")
  static final class Cancel extends TargetedCommand {
    @Parameters(
        paramLabel = "NAME",
        completionCandidates = Candidates.ReplayNames.class,
        description = "The replay's name.")
    String name;

    Cancel(Environment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      Session session = session();
      CancelReplayResponse cancelled;
      try {
        cancelled = session.eventBridge().cancelReplay(r -> r.replayName(name));
      } catch (ResourceNotFoundException e) {
        throw new JobsException(ExitCode.NOT_FOUND, "no replay named " + name, e);
      } catch (IllegalStatusException e) {
        throw new JobsException(
            ExitCode.ERROR,
            "replay " + name + " cannot be cancelled: " + e.awsErrorDetails().errorMessage(),
            e);
      } catch (SdkException e) {
        throw ReplayArchive.failure(session, e, "CancelReplay " + name);
      }
      session.out().println("replay " + name + " " + cancelled.stateAsString());
      return ExitCode.OK;
    }
  }
}
