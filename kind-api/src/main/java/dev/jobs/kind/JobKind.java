package dev.jobs.kind;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A kind of job, found through {@link java.util.ServiceLoader}: list the implementation in {@code
 * META-INF/services/dev.jobs.kind.JobKind}. Implementations need a public no-argument constructor
 * and must be safe to call from several threads.
 */
public interface JobKind {
  /** The value of the request's {@code type} field that selects this kind. */
  String name();

  /**
   * The request fields this kind accepts, besides {@code type}. Any other field is rejected before
   * {@link #validate} runs.
   */
  Set<String> parameterNames();

  /**
   * Checks the parameters' values.
   *
   * @throws InvalidJobException with a one-line reason when they are wrong
   */
  void validate(ObjectNode parameters);

  /**
   * Does the work.
   *
   * @return the job's result, stored as {@code result} of the job record
   * @throws Exception any failure; the attempt fails and Lambda's retry rules take over
   */
  JsonNode run(ObjectNode parameters, JobContext context) throws Exception;
}
