package dev.jobs.backend.store;

import dev.jobs.backend.job.JobRecord;
import java.util.List;
import java.util.Optional;

/**
 * A page of jobs, newest first.
 *
 * @param next the position to list on from, or empty on the last page
 */
public record JobPage(List<JobRecord> jobs, Optional<JobCursor> next) {}
