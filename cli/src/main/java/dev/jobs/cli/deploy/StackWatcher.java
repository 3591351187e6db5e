package dev.jobs.cli.deploy;

import dev.jobs.cli.output.Poller;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Follows a stack operation to its end: a line per resource event, and on a terminal a counter of
 * resources done out of the total.
 */
public final class StackWatcher {
  /** What the operation ended in. */
  public record Outcome(String stackStatus, Optional<StackEvent> firstFailure) {
    public boolean succeeded() {
      return stackStatus.equals("CREATE_COMPLETE")
          || stackStatus.equals("UPDATE_COMPLETE")
          || stackStatus.equals("DELETE_COMPLETE");
    }
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final CloudFormationClient cloudFormation;
  private final ProgressPrinter progress;
  private final Poller poller;

  public StackWatcher(
      CloudFormationClient cloudFormation, ProgressPrinter progress, Poller poller) {
    this.cloudFormation = cloudFormation;
    this.progress = progress;
    this.poller = poller.showing(progress.counter());
  }

  /**
   * Polls until the stack reaches a final status.
   *
   * @param stackId the stack's id (its ARN), which stays readable after a delete
   * @param since events before this instant belong to earlier operations
   * @param total how many resources the operation touches, for the counter
   */
  public Outcome watch(String stackId, Instant since, int total) throws InterruptedException {
    return poller.await(new Operation(stackId, since, total));
  }

  /** One operation's events, as they come. */
  private final class Operation implements Poller.Wait<Outcome> {
    private final String stackId;
    private final Instant since;
    private final int total;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, String> latest = new HashMap<>();
    private StackEvent firstFailure;
    private String status;

    Operation(String stackId, Instant since, int total) {
      this.stackId = stackId;
      this.since = since;
      this.total = total;
    }

    @Override
    public Optional<Outcome> poll(Duration waited) {
      status =
          cloudFormation
              .describeStacks(b -> b.stackName(stackId))
              .stacks()
              .get(0)
              .stackStatusAsString();
      for (StackEvent event : newEvents()) {
        progress.line(describe(event));
        if (!event.physicalResourceId().equals(stackId) && !event.logicalResourceId().isEmpty()) {
          latest.put(event.logicalResourceId(), event.resourceStatusAsString());
        }
        if (firstFailure == null && isFailure(event)) {
          firstFailure = event;
        }
      }
      return isFinal(status)
          ? Optional.of(new Outcome(status, Optional.ofNullable(firstFailure)))
          : Optional.empty();
    }

    @Override
    public String line(Duration waited) {
      long done = latest.values().stream().filter(s -> s.endsWith("_COMPLETE")).count();
      return done + "/" + total + " resources  " + status;
    }

    private List<StackEvent> newEvents() {
      List<StackEvent> fresh = new ArrayList<>();
      for (StackEvent event :
          cloudFormation.describeStackEventsPaginator(b -> b.stackName(stackId)).stackEvents()) {
        if (event.timestamp().isBefore(since)) {
          break; // newest first: the rest is older
        }
        if (seen.add(event.eventId())) {
          fresh.add(event);
        }
      }
      Collections.reverse(fresh);
      return fresh;
    }
  }

  static boolean isFinal(String status) {
    return !status.endsWith("_IN_PROGRESS");
  }

  private static boolean isFailure(StackEvent event) {
    String status = event.resourceStatusAsString();
    String reason = event.resourceStatusReason() == null ? "" : event.resourceStatusReason();
    return status.endsWith("_FAILED") && !reason.contains("cancelled");
  }

  /** One plain line: time, logical id, type, status and reason. */
  static String describe(StackEvent event) {
    String reason = event.resourceStatusReason();
    return TIME.format(event.timestamp())
        + "  "
        + event.logicalResourceId()
        + "  "
        + event.resourceType()
        + "  "
        + event.resourceStatusAsString()
        + (reason == null || reason.isBlank() ? "" : "  " + reason);
  }
}
