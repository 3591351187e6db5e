package dev.jobs.backend.testing;

import dev.jobs.kind.JobKind;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** A job kind of the tests that takes no parameters: only its name and its run differ. */
public abstract class ParameterlessJob implements JobKind {
  private final String name;

  protected ParameterlessJob(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<String> parameterNames() {
    return Set.of();
  }

  @Override
  public final void validate(ObjectNode parameters) {}
}
