package dev.jobs.local.events;

import dev.jobs.backend.events.FailureBus;
import dev.jobs.backend.job.JobJson;
import dev.jobs.local.lambda.Destination;
import dev.jobs.local.lambda.LocalFunction;
import dev.jobs.local.stack.LocalStack;
import dev.jobs.local.store.ArchiveStore;
import dev.jobs.local.store.ArchivedEvent;
import dev.jobs.local.store.Invocation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The failed-jobs event bus and its archive. Every event put on the bus is archived in the same
 * transaction: the error handler's {@code Job Failed} events and its destination's records. The
 * bus's only rule is the replay rule, which matches replayed events alone (they carry {@code
 * replay-name}); live events are kept for a replay and go nowhere else.
 *
 * @param archive where its archive is kept
 * @param replayTarget the target of its replay rule: the processing function
 */
public record EventBus(
    LocalStack stack, ArchiveStore archive, LocalFunction replayTarget, Clock clock) {
  public static final String FAILURE_DETAIL_TYPE = "Lambda Function Invocation Result - Failure";

  /** Checked against the packaged template's archive by the CLI's {@code LocalMatchesStackIT}. */
  public static final String ARCHIVE_DESCRIPTION = "Every failed job, for a replay";

  public String name() {
    return stack.busName();
  }

  public String arn() {
    return "arn:aws:events:" + stack.region() + ":" + LocalStack.ACCOUNT + ":event-bus/" + name();
  }

  public String archiveName() {
    return stack.archiveName();
  }

  /** The deployed stack's archive description ({@code FailedJobs} in infra). */
  public String archiveDescription() {
    return ARCHIVE_DESCRIPTION;
  }

  /**
   * The deployed stack's archive pattern: every event of the account, so both kinds of failure
   * event (the error handler's own and its destination's) are kept.
   */
  public String archivePattern() {
    return "{\"account\":[\"" + LocalStack.ACCOUNT + "\"]}";
  }

  /** The ARN of a replay of this bus's archive. */
  public String replayArn(String replayName) {
    return "arn:aws:events:" + stack.region() + ":" + LocalStack.ACCOUNT + ":replay/" + replayName;
  }

  public String archiveArn() {
    return "arn:aws:events:"
        + stack.region()
        + ":"
        + LocalStack.ACCOUNT
        + ":archive/"
        + archiveName();
  }

  /** The bus's one rule, which sends replayed events to its {@link #replayTarget}. */
  public String replayRuleArn() {
    return stack.replayRuleArn();
  }

  /**
   * Up to {@code limit} archived events of the window {@code [start, end]} (epoch millis), past the
   * archive's sequence number {@code after}, in the order archived.
   */
  public List<ArchivedEvent> archived(long start, long end, long after, int limit) {
    return archive.between(archiveName(), start, end, after, limit);
  }

  /** How many events the archive holds, and their size in bytes. */
  public long[] archiveSize() {
    return archive.size(archiveName());
  }

  /** True for the bus's name or ARN. */
  public boolean isNamed(String nameOrArn) {
    return nameOrArn == null || nameOrArn.equals(name()) || nameOrArn.equals(arn());
  }

  /** An entry of PutEvents. */
  public record Entry(
      String source, String detailType, JsonNode detail, List<String> resources, Instant time) {}

  /** Puts events on the bus and into the archive, durably; returns their ids. */
  public List<String> put(List<Entry> entries) {
    List<ObjectNode> events = entries.stream().map(this::event).toList();
    archive.append(archiveName(), events.stream().map(EventBus::archived).toList());
    return events.stream().map(e -> e.get("id").asString()).toList();
  }

  /**
   * The bus as the error handler puts failures on it: directly, as one {@code PutEvents} entry
   * would, archived before the handler returns.
   */
  public FailureBus failures() {
    return record ->
        put(List.of(new Entry(FailureBus.SOURCE, FailureBus.DETAIL_TYPE, record, List.of(), null)));
  }

  /**
   * The error handler's on-failure destination: its record becomes a bus event, archived in the
   * transaction that removes the failed invocation. As Lambda puts it: source {@code lambda}, and
   * {@code resources} naming the destination bus and the function as it was invoked.
   *
   * @param qualifiedFunctionArn the function's ARN with its qualifier ({@code :$LATEST} when it is
   *     invoked unqualified, as the processing function's destination invokes the error handler)
   */
  public Destination destinationFor(String qualifiedFunctionArn) {
    return (Invocation failed, ObjectNode record) -> {
      ObjectNode event =
          event(
              new Entry(
                  "lambda",
                  FAILURE_DETAIL_TYPE,
                  record,
                  List.of(arn(), qualifiedFunctionArn),
                  Instant.ofEpochMilli(clock.millis())));
      archive.archiveFailure(failed, archiveName(), archived(event));
    };
  }

  private static ArchiveStore.Event archived(ObjectNode event) {
    return new ArchiveStore.Event(
        event.get("id").asString(),
        Instant.parse(event.get("time").asString()).toEpochMilli(),
        JobJson.MAPPER.writeValueAsString(event));
  }

  /** EventBridge's event envelope. */
  private ObjectNode event(Entry entry) {
    ObjectNode event = JobJson.MAPPER.createObjectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", entry.detailType());
    event.put("source", entry.source());
    event.put("account", LocalStack.ACCOUNT);
    Instant time = entry.time() == null ? Instant.ofEpochMilli(clock.millis()) : entry.time();
    // EventBridge keeps whole seconds in the envelope.
    event.put("time", Instant.ofEpochSecond(time.getEpochSecond()).toString());
    event.put("region", stack.region());
    var resources = event.putArray("resources");
    entry.resources().forEach(resources::add);
    event.set("detail", entry.detail());
    return event;
  }
}
