package dev.jobs.local.apigateway;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRequestSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway's request validator for the jobs API: the backend's request schema (draft 4), checked
 * as the deployed stack's request model is.
 */
final class RequestValidator {
  private static final String RESOURCE = JobRequestSchema.RESOURCE;

  private final Schema schema;
  private final List<String> types;

  private RequestValidator(Schema schema, List<String> types) {
    this.schema = schema;
    this.types = List.copyOf(types);
  }

  /** The job types served, which the 400 to an invalid body names. */
  List<String> types() {
    return types;
  }

  /**
   * The schema with the job types served as the enum of {@code type}, as the deployed stack's model
   * has the deployed ones: an unknown type is refused at once, its answer naming the known ones.
   */
  static RequestValidator load(List<String> types) {
    try (InputStream in = RequestValidator.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the backend's schema " + RESOURCE + " is not on the class path");
      }
      JsonNode document = JobJson.MAPPER.readTree(in);
      ArrayNode known = ((ObjectNode) document.path("properties").path("type")).putArray("enum");
      types.forEach(known::add);
      return new RequestValidator(
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(document),
          types);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The validator's reasons, none when the body is valid. */
  List<String> problems(JsonNode body) {
    return schema.validate(body).stream().map(Object::toString).toList();
  }
}
