package dev.jobs.backend.events;

import tools.jackson.databind.JsonNode;

/**
 * The failed-jobs bus, as the error handler puts a failure on it: one event whose {@code detail} is
 * the processing function's destination record, unchanged, so that a replay unwraps it as it does
 * the events of the error handler's own on-failure destination.
 */
@FunctionalInterface
public interface FailureBus {
  /** The event's {@code source}. */
  String SOURCE = "dev.jobs";

  /** The event's {@code detail-type}. */
  String DETAIL_TYPE = "Job Failed";

  /**
   * Puts a failure on the bus.
   *
   * @throws FailureBusException when the bus did not take it
   */
  void put(JsonNode destinationRecord);
}
