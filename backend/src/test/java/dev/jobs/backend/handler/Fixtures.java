package dev.jobs.backend.handler;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;

/** JSON fixtures shaped like AWS's, under {@code src/test/resources/destination-records}. */
final class Fixtures {
  /** The error {@code retries-exhausted.json} holds: a sleep that had too little time left. */
  static final JobError RETRIES_EXHAUSTED_ERROR =
      new JobError(
          "dev.jobs.kind.JobFailedException",
          "cannot sleep for 5 seconds: the function has 3 seconds left before it times out",
          "RetriesExhausted");

  private Fixtures() {}

  static JsonNode json(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/destination-records/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return JobJson.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
