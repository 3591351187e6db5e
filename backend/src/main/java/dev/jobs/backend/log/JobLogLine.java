package dev.jobs.backend.log;

/**
 * One line of a job's log, as written: its JSON text and the fields a store keeps beside it.
 *
 * @param attempt the attempt it belongs to, or null for a line about the job as a whole (the error
 *     handler's)
 * @param requestId the invocation that wrote it, or null
 * @param timestamp epoch milliseconds, the time the JSON's {@code timestamp} names
 * @param json one JSON object, without a line break
 */
public record JobLogLine(
    String jobId, Integer attempt, String requestId, long timestamp, String json) {}
