package dev.jobs.local.store;

/**
 * One queued asynchronous invocation of a local function.
 *
 * @param seq the queue's order and the row's key
 * @param attempts attempts already made and failed
 * @param notBefore epoch millis before which the next attempt must not start (retry back-off)
 */
public record Invocation(
    long seq,
    String function,
    String requestId,
    String payload,
    long enqueuedAt,
    int attempts,
    long notBefore) {}
