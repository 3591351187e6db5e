package dev.jobs.backend.list;

import dev.jobs.backend.store.JobCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code next} token: base64url without padding of {@code {"v":1,"at":"<status time>","id":
 * "<job id>"}}. It is decoded strictly, and only as a typed position: anything else a client sends
 * is a 400, never part of a query.
 */
public final class PageToken {
  public static final String PARAMETER = "next";

  /** Far above a real token (about 120 characters); checked before any decoding. */
  static final int MAX_LENGTH = 512;

  static final int MAX_ID_LENGTH = 128;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:~-]{1," + MAX_ID_LENGTH + "}");
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Set<String> FIELDS = Set.of("v", "at", "id");
  private static final int VERSION = 1;

  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private PageToken() {}

  public static String encode(JobCursor cursor) {
    ObjectNode json =
        STRICT
            .createObjectNode()
            .put("v", VERSION)
            .put("at", cursor.at().toString())
            .put("id", cursor.id());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(STRICT.writeValueAsBytes(json));
  }

  /**
   * The position a token holds.
   *
   * @throws BadParameterException naming {@code next} for anything but a token of this API
   */
  public static JobCursor decode(String token) {
    if (token == null || token.length() > MAX_LENGTH || !BASE64URL.matcher(token).matches()) {
      throw invalid();
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    // Only the canonical encoding: no stray bits in the last character.
    if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)) {
      throw invalid();
    }
    JsonNode json;
    try {
      json = STRICT.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      throw invalid();
    }
    if (json == null || !json.isObject() || json.size() != FIELDS.size()) {
      throw invalid();
    }
    for (Iterator<String> names = json.propertyNames().iterator(); names.hasNext(); ) {
      if (!FIELDS.contains(names.next())) {
        throw invalid();
      }
    }
    JsonNode version = json.get("v");
    JsonNode at = json.get("at");
    JsonNode id = json.get("id");
    if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() != VERSION) {
      throw invalid();
    }
    if (!at.isString() || !id.isString() || !ID.matcher(id.asString()).matches()) {
      throw invalid();
    }
    try {
      return new JobCursor(Instant.parse(at.asString()), id.asString());
    } catch (DateTimeParseException e) {
      throw invalid();
    }
  }

  private static BadParameterException invalid() {
    return new BadParameterException(PARAMETER, "not a token from this API");
  }
}
