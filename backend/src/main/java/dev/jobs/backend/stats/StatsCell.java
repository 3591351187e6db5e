package dev.jobs.backend.stats;

/**
 * The counters of one period of one span for one job type ({@code ""} for a job that has none: one
 * cancelled before it ever started).
 */
public record StatsCell(StatsSpan span, String period, String type) {}
