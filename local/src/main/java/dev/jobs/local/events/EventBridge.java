package dev.jobs.local.events;

import dev.jobs.local.auth.Caller;
import dev.jobs.local.protocol.AwsError;
import dev.jobs.local.store.Replay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * EventBridge's behaviour over the one failed-jobs bus: who may call it, where a put event goes,
 * the bus's archive as ListArchives and DescribeArchive show it, and the replays' lifecycle. What
 * it finds missing or in the wrong state is an {@link AwsError} in EventBridge's terms.
 *
 * @param created when the archive was created
 */
record EventBridge(EventBus bus, ReplayRunner replays, Instant created) {

  /** The operator alone may call EventBridge here; the invoke role may not. */
  void checkAccess(Caller caller, String operation) {
    if (!caller.isOperator()) {
      throw new AwsError(
          "AccessDeniedException",
          AwsError.notAuthorized(caller.arn(), "events:" + operation, "on resource: " + bus.arn()));
    }
  }

  /** What became of a put entry: its event id, or why it failed. */
  record PutResult(String eventId, String errorCode, String errorMessage) {}

  /**
   * Puts the entries that are not refused: those for the failed-jobs bus onto it (and into its
   * archive), those for the default bus nowhere, as it has no rules nor archive here.
   */
  List<PutResult> put(List<EventBridgeFields.PutEntry> entries) {
    List<PutResult> results = new ArrayList<>();
    List<EventBus.Entry> accepted = new ArrayList<>();
    List<Integer> acceptedAt = new ArrayList<>();
    for (EventBridgeFields.PutEntry entry : entries) {
      String busName = entry.busName();
      if (entry.isRefused()) {
        results.add(new PutResult(null, entry.errorCode(), entry.errorMessage()));
      } else if (busName != null && !busName.equals("default") && !bus.isNamed(busName)) {
        results.add(
            new PutResult(
                null, "ResourceNotFoundException", "Event bus " + busName + " does not exist."));
      } else if (busName == null || busName.equals("default")) {
        results.add(new PutResult(UUID.randomUUID().toString(), null, null));
      } else {
        acceptedAt.add(results.size());
        results.add(null);
        accepted.add(entry.toBusEntry());
      }
    }
    List<String> ids = accepted.isEmpty() ? List.of() : bus.put(accepted);
    for (int i = 0; i < ids.size(); i++) {
      results.set(acceptedAt.get(i), new PutResult(ids.get(i), null, null));
    }
    return results;
  }

  /** The bus's archive as EventBridge describes it; times are epoch millis. */
  record Archive(
      String arn,
      String name,
      String sourceArn,
      String description,
      String pattern,
      long eventCount,
      long sizeBytes,
      long createdAt) {}

  /** The archives that match ListArchives' filters (null for none): the bus's own, or none. */
  List<Archive> archives(String prefix, String sourceArn, String state) {
    if ((prefix == null || bus.archiveName().startsWith(prefix))
        && (sourceArn == null || sourceArn.equals(bus.arn()))
        && (state == null || state.equals("ENABLED"))) {
      return List.of(archive());
    }
    return List.of();
  }

  /** The archive of that name. */
  Archive archive(String name) {
    if (!bus.archiveName().equals(name)) {
      throw new AwsError("ResourceNotFoundException", "Archive " + name + " does not exist.");
    }
    return archive();
  }

  private Archive archive() {
    long[] size = bus.archiveSize();
    return new Archive(
        bus.archiveArn(),
        bus.archiveName(),
        bus.arn(),
        bus.archiveDescription(),
        bus.archivePattern(),
        size[0],
        size[1],
        created.toEpochMilli());
  }

  /** Checks what a replay would replay, and where to: the bus's archive, onto the bus itself. */
  void checkReplayRoute(String sourceArn, String destinationArn) {
    if (!sourceArn.equals(bus.archiveArn())) {
      throw new AwsError(
          "ResourceNotFoundException",
          "Archive " + sourceArn.substring(sourceArn.lastIndexOf('/') + 1) + " does not exist.");
    }
    if (!destinationArn.equals(bus.arn())) {
      throw new AwsError(
          "ValidationException",
          "Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.");
    }
  }

  /** Checks a rule a replay is filtered to: the bus's replay rule is the only one. */
  void checkReplayRule(String ruleArn) {
    if (!ruleArn.equals(bus.replayRuleArn())) {
      throw new AwsError("ResourceNotFoundException", "Rule " + ruleArn + " does not exist.");
    }
  }

  /** Starts a replay of the window, unless one of that name exists. */
  Replay startReplay(String name, String description, long start, long end, String destinationArn) {
    Optional<Replay> replay = replays.start(name, description, start, end, destinationArn);
    if (replay.isEmpty()) {
      throw new AwsError("ResourceAlreadyExistsException", "Replay " + name + " already exists.");
    }
    return replay.get();
  }

  /** The replay of that name. */
  Replay replay(String name) {
    return replays
        .find(name == null ? "" : name)
        .orElseThrow(
            () -> new AwsError("ResourceNotFoundException", "Replay " + name + " does not exist."));
  }

  /** The replays that match ListReplays' filters (null for none), oldest first. */
  List<Replay> replays(String prefix, String state, String sourceArn) {
    List<Replay> matching = new ArrayList<>();
    for (Replay replay : replays.all()) {
      if ((prefix == null || replay.name().startsWith(prefix))
          && (state == null || replay.state().equals(state))
          && (sourceArn == null || replay.sourceArn().equals(sourceArn))) {
        matching.add(replay);
      }
    }
    return matching;
  }

  /** Asks an active replay to stop; the state it is in then. */
  Replay cancelReplay(String name) {
    Replay replay = replay(name);
    if (!replay.isActive() || replay.state().equals("CANCELLING")) {
      throw new AwsError(
          "IllegalStatusException",
          "Replay " + replay.name() + " is not in a valid state for this operation.");
    }
    return replays.cancel(replay.name()).orElseThrow();
  }

  String replayArn(String name) {
    return bus.replayArn(name);
  }

  String replayRuleArn() {
    return bus.replayRuleArn();
  }
}
