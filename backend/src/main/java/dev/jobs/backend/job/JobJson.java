package dev.jobs.backend.job;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the backend: ISO-8601 instants, no failure on unknown record fields. */
public final class JobJson {
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JobJson() {}
}
