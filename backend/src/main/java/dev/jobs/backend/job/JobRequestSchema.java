package dev.jobs.backend.job;

/**
 * Where the backend ships the JSON Schema of a job request. API Gateway's model (infra) and the
 * local runtime's check are both built from that file, so they name it by this constant.
 */
public final class JobRequestSchema {
  /** The schema's class path resource, absolute (for {@link Class#getResourceAsStream}). */
  public static final String RESOURCE = "/dev/jobs/backend/job-request.schema.json";

  /**
   * The message of the answer to a body the schema rejects, {@code 400 {"message": ...}}, on AWS
   * (the stack's gateway response) and locally. The validator's reasons are left out on both: a
   * gateway response is no Velocity template, so API Gateway would insert them unescaped, and a
   * reason with a quote in it would make the body invalid JSON.
   */
  public static final String INVALID_BODY_MESSAGE = "Invalid request body";

  private JobRequestSchema() {}
}
