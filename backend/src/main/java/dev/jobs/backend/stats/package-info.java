/**
 * {@code GET /jobs/stats} from aggregates kept as jobs change state: what one change of a job adds
 * to and takes from the counters ({@link dev.jobs.backend.stats.StatsDeltas}), the fixed run-time
 * buckets ({@link dev.jobs.backend.stats.RunTimeBuckets}), the window read as day, hour and minute
 * ranges ({@link dev.jobs.backend.stats.StatsWindow}), the port a store answers through ({@link
 * dev.jobs.backend.stats.JobStatsSource}) and the answer ({@link
 * dev.jobs.backend.stats.JobStatistics}). Imports {@code dev.jobs.backend.job} only; the stores
 * implement the port.
 */
package dev.jobs.backend.stats;
