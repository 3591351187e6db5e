package dev.jobs.backend.bench;

import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.kind.JobContext;
import dev.jobs.backend.kind.JobKind;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job that does no work, so that the benchmark measures only the handler's own path. Registered
 * for the cold-start child process by a service file the benchmark writes, not by test resources,
 * so that no other test sees it.
 */
public final class NoOpJob implements JobKind {
  public static final String NAME = "noop";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> parameterNames() {
    return Set.of();
  }

  @Override
  public void validate(ObjectNode parameters) {}

  @Override
  public JsonNode run(ObjectNode parameters, JobContext context) {
    return JobJson.MAPPER.createObjectNode().put("done", true);
  }
}
