package dev.jobs.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobs.backend.job.JobRequestSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.services.apigateway.JsonSchema;
import software.amazon.awscdk.services.apigateway.JsonSchemaType;
import software.amazon.awscdk.services.apigateway.JsonSchemaVersion;

/**
 * The API's model of a job request, read from the backend's JSON Schema (the single source of
 * truth) and converted to the CDK's {@link JsonSchema}. A keyword the converter does not know fails
 * the synthesis: dropping it would silently weaken the API's validation.
 */
final class RequestSchema {
  /** Where the backend jar holds the schema. */
  static final String RESOURCE = JobRequestSchema.RESOURCE;

  private static final String DRAFT4 = "http://json-schema.org/draft-04/schema#";
  private static final Set<String> KEYWORDS =
      Set.of(
          "$schema",
          "title",
          "description",
          "type",
          "properties",
          "required",
          "additionalProperties",
          "anyOf",
          "allOf",
          "oneOf",
          "not",
          "enum",
          "pattern",
          "minimum",
          "maximum",
          "minLength",
          "maxLength");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RequestSchema() {}

  /** The job request schema from the classpath. */
  static JsonSchema load() {
    return convert(document());
  }

  /** The schema document as the backend ships it. */
  static JsonNode document() {
    try (InputStream in = RequestSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the job request schema " + RESOURCE + " is not on the classpath (the backend jar)");
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + RESOURCE, e);
    }
  }

  static JsonSchema convert(JsonNode node) {
    return convert(node, "#");
  }

  private static JsonSchema convert(JsonNode node, String at) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a schema must be an object at " + at);
    }
    JsonSchema.Builder schema = JsonSchema.builder();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String keyword = field.getKey();
      JsonNode value = field.getValue();
      String here = at + "/" + keyword;
      if (!KEYWORDS.contains(keyword)) {
        throw new IllegalArgumentException(
            "the request schema uses " + here + ", which the API model converter does not know");
      }
      switch (keyword) {
        case "$schema" -> {
          if (!DRAFT4.equals(value.asText())) {
            throw new IllegalArgumentException(
                "API Gateway models are JSON Schema draft 4; " + here + " is " + value.asText());
          }
          schema.schema(JsonSchemaVersion.DRAFT4);
        }
        case "title" -> schema.title(value.asText());
        case "description" -> schema.description(value.asText());
        case "type" -> {
          if (value.isArray()) {
            List<JsonSchemaType> types = new ArrayList<>();
            value.forEach(type -> types.add(type(type, here)));
            schema.type(types);
          } else {
            schema.type(type(value, here));
          }
        }
        case "properties" -> {
          Map<String, JsonSchema> properties = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> property : value.properties()) {
            properties.put(
                property.getKey(), convert(property.getValue(), here + "/" + property.getKey()));
          }
          schema.properties(properties);
        }
        case "required" -> {
          List<String> required = new ArrayList<>();
          value.forEach(name -> required.add(name.asText()));
          schema.required(required);
        }
        case "additionalProperties" -> {
          if (value.isBoolean()) {
            schema.additionalProperties(value.asBoolean());
          } else {
            schema.additionalProperties(convert(value, here));
          }
        }
        case "anyOf" -> schema.anyOf(list(value, here));
        case "allOf" -> schema.allOf(list(value, here));
        case "oneOf" -> schema.oneOf(list(value, here));
        case "not" -> schema.not(convert(value, here));
        case "enum" -> {
          List<Object> values = new ArrayList<>();
          value.forEach(item -> values.add(scalar(item, here)));
          schema.enumValue(values);
        }
        case "pattern" -> schema.pattern(value.asText());
        case "minimum" -> schema.minimum(value.numberValue());
        case "maximum" -> schema.maximum(value.numberValue());
        case "minLength" -> schema.minLength(value.numberValue());
        case "maxLength" -> schema.maxLength(value.numberValue());
        default -> throw new IllegalStateException("keyword listed but not converted: " + here);
      }
    }
    return schema.build();
  }

  private static JsonSchemaType type(JsonNode type, String at) {
    try {
      return JsonSchemaType.valueOf(type.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown type " + type + " at " + at, e);
    }
  }

  private static List<JsonSchema> list(JsonNode value, String at) {
    if (!value.isArray()) {
      throw new IllegalArgumentException("an array of schemas is expected at " + at);
    }
    List<JsonSchema> schemas = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      schemas.add(convert(value.get(i), at + "/" + i));
    }
    return schemas;
  }

  private static Object scalar(JsonNode item, String at) {
    if (item.isTextual()) {
      return item.asText();
    }
    if (item.isNumber()) {
      return item.numberValue();
    }
    if (item.isBoolean()) {
      return item.asBoolean();
    }
    throw new IllegalArgumentException("only strings, numbers and booleans are enum values: " + at);
  }
}
