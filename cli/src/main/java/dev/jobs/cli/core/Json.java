package dev.jobs.cli.core;

import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for the CLI. Reading on the hot paths ({@code get}, {@code wait}, the caches, the targets
 * file) uses the SDK's small tree parser: building Jackson's mapper costs a short-lived process
 * about 70 ms. Writing, which only the slower commands do, uses Jackson.
 */
public final class Json {
  private Json() {}

  /** Parses JSON text; throws {@link IllegalArgumentException} when it is not JSON. */
  public static JsonNode parse(String text) {
    try {
      return Parser.PARSER.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  public static JsonNode parse(byte[] bytes) {
    try {
      return Parser.PARSER.parse(bytes);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  /** The field's text when it is a string or number, else null. */
  public static String text(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.asObject().get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isString() ? value.asString() : value.isNumber() ? value.asNumber() : null;
  }

  public static Map<String, JsonNode> object(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    JsonNode value = node.asObject().get(field);
    return value != null && value.isObject() ? value.asObject() : Map.of();
  }

  /** Compact JSON text of a parsed node. */
  public static String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : node.asObject().entrySet()) {
        out.append(first ? "" : ",");
        quote(field.getKey(), out);
        out.append(':');
        write(field.getValue(), out);
        first = false;
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.asArray().size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(node.asArray().get(i), out);
      }
      out.append(']');
    } else if (node.isString()) {
      quote(node.asString(), out);
    } else if (node.isNumber()) {
      out.append(node.asNumber());
    } else if (node.isBoolean()) {
      out.append(node.asBoolean());
    } else {
      out.append("null");
    }
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** The Jackson mapper, built on first use only. */
  public static JsonMapper mapper() {
    return Mapper.MAPPER;
  }

  private static final class Parser {
    static final JsonNodeParser PARSER = JsonNode.parser();
  }

  private static final class Mapper {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }
}
