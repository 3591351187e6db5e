package dev.jobs.local.http;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.jobs.backend.job.JobRequestSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * API Gateway's request validator for the jobs API: the backend's request schema (draft 4), checked
 * as the deployed stack's request model is.
 */
final class RequestValidator {
  private static final String RESOURCE = JobRequestSchema.RESOURCE;

  private final Schema schema;

  private RequestValidator(Schema schema) {
    this.schema = schema;
  }

  static RequestValidator load() {
    try (InputStream in = RequestValidator.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the backend's schema " + RESOURCE + " is not on the class path");
      }
      return new RequestValidator(
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The validator's reasons, none when the body is valid. */
  List<String> problems(JsonNode body) {
    return schema.validate(body).stream().map(Object::toString).toList();
  }
}
