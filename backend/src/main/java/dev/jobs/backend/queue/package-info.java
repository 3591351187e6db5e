/**
 * Jobs named by their client ({@code PUT /jobs/{jobId}}) and re-driven from their records ({@code
 * POST /jobs/{jobId}/retry}): both record the job {@code QUEUED}, and its dispatch starts it.
 */
package dev.jobs.backend.queue;
