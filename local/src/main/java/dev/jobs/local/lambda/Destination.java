package dev.jobs.local.lambda;

import dev.jobs.local.store.Invocation;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a function's failed invocations go. Delivering removes the invocation from its queue in the
 * same transaction, so a record is never lost nor delivered twice by a crash between the two.
 */
@FunctionalInterface
public interface Destination {
  void deliver(Invocation failed, ObjectNode record);
}
