package dev.jobs.local.store;

/** An event kept by the archive: its id, its time (epoch millis) and its JSON. */
public record ArchivedEvent(long seq, String eventId, long time, String event) {}
