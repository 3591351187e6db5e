package dev.jobs.backend.kind.example;

import dev.jobs.backend.job.JobJson;
import dev.jobs.kind.InvalidJobException;
import dev.jobs.kind.JobContext;
import dev.jobs.kind.JobKind;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/job-contract.md's example of a job kind: {@code {"type": "word-count", "text": "..."}}
 * answers {@code {"words": N}}. Registered in {@code META-INF/services/dev.jobs.kind.JobKind}.
 */
public final class WordCountJob implements JobKind {
  @Override
  public String name() {
    return "word-count";
  }

  @Override
  public Set<String> parameterNames() {
    return Set.of("text");
  }

  @Override
  public void validate(ObjectNode parameters) {
    JsonNode text = parameters.get("text");
    if (text == null || !text.isString()) {
      throw new InvalidJobException("'text' is required and must be a string");
    }
  }

  @Override
  public JsonNode run(ObjectNode parameters, JobContext context) {
    String text = parameters.get("text").asString().strip();
    int words = text.isEmpty() ? 0 : text.split("\\s+").length;
    return JobJson.MAPPER.createObjectNode().put("words", words);
  }
}
