package dev.jobs.backend.job;

/**
 * Where the backend ships the JSON Schema of a job request. API Gateway's model (infra) and the
 * local runtime's check are both built from that file, so they name it by this constant.
 */
public final class JobRequestSchema {
  /** The schema's class path resource, absolute (for {@link Class#getResourceAsStream}). */
  public static final String RESOURCE = "/dev/jobs/backend/job-request.schema.json";

  private JobRequestSchema() {}
}
