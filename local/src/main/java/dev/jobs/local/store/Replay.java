package dev.jobs.local.store;

/**
 * An archive replay as EventBridge describes it. Times are epoch millis; {@code endTime} and {@code
 * lastReplayed} are null until known.
 */
public record Replay(
    String name,
    String description,
    String sourceArn,
    String destinationArn,
    long eventStart,
    long eventEnd,
    String state,
    String stateReason,
    long startTime,
    Long endTime,
    Long lastReplayed) {

  public boolean isActive() {
    return state.equals("STARTING") || state.equals("RUNNING") || state.equals("CANCELLING");
  }

  public Replay withState(String newState, String reason, Long end, Long replayed) {
    return new Replay(
        name,
        description,
        sourceArn,
        destinationArn,
        eventStart,
        eventEnd,
        newState,
        reason,
        startTime,
        end,
        replayed);
  }
}
