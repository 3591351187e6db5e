package dev.jobs.backend.job;

import dev.jobs.kind.JobKind;
import tools.jackson.databind.node.ObjectNode;

/** A validated job request: its kind and its parameters (the request object as sent). */
public record JobRequest(JobKind kind, ObjectNode parameters) {
  public String type() {
    return kind.name();
  }
}
