package dev.jobs.backend.job;

import dev.jobs.backend.kind.JobKinds;
import dev.jobs.kind.InvalidJobException;
import dev.jobs.kind.JobKind;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates job requests: the size limit, the JSON shape, the kind, unknown fields, and then the
 * kind's own rules. The processing function runs this as the second validation level, after API
 * Gateway's schema check.
 */
public final class JobRequests {
  /** Lambda's limit for an asynchronous invocation payload. */
  public static final int MAX_BODY_BYTES = 1_048_576;

  public static final String TYPE_FIELD = "type";
  public static final String DEFAULT_TYPE = "sleep";

  private final JobKinds kinds;

  public JobRequests(JobKinds kinds) {
    this.kinds = kinds;
  }

  /** Parses and validates a raw {@code POST /jobs} body. */
  public JobRequest parse(byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw new InvalidJobException(
          "request body is " + body.length + " bytes; the limit is " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode tree;
    try {
      tree = JobJson.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new InvalidJobException("request body is not JSON");
    }
    return validate(tree);
  }

  public JobRequest parse(String body) {
    return parse(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Validates an already parsed request object. */
  public JobRequest validate(JsonNode tree) {
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new InvalidJobException("request body is empty; expected a JSON object");
    }
    if (!tree.isObject()) {
      throw new InvalidJobException("request body must be a JSON object");
    }
    ObjectNode parameters = (ObjectNode) tree;
    JsonNode typeNode = parameters.get(TYPE_FIELD);
    String type;
    if (typeNode == null) {
      type = DEFAULT_TYPE;
    } else if (typeNode.isString()) {
      type = typeNode.asString();
    } else {
      throw new InvalidJobException("'type' must be a string");
    }
    JobKind kind =
        kinds
            .find(type)
            .orElseThrow(
                () ->
                    new InvalidJobException(
                        "unknown job type '" + type + "'; known types: " + kinds.names()));
    for (Iterator<String> names = parameters.propertyNames().iterator(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals(TYPE_FIELD) && !kind.parameterNames().contains(name)) {
        throw new InvalidJobException("unknown field '" + name + "' for job type '" + type + "'");
      }
    }
    kind.validate(parameters);
    return new JobRequest(kind, parameters);
  }
}
