package dev.jobs.backend.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.store.JobCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageTokenTest {
  private static final JobCursor CURSOR =
      new JobCursor(
          Instant.parse("2026-11-29T10:00:00.123Z"), "5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10");

  static String token(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void encode_isUnpaddedBase64UrlOfTheVersionedPosition() {
    String token = PageToken.encode(CURSOR);

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"v\":1,\"at\":\"2026-11-29T10:00:00.123Z\","
                + "\"id\":\"5f0c9a1e-2b7d-4c1e-9a51-0d8c2f6b1a10\"}");
  }

  @Test
  void decode_ofAnEncodedPosition_isThatPosition() {
    assertThat(PageToken.decode(PageToken.encode(CURSOR))).isEqualTo(CURSOR);
  }

  @Test
  void decode_fieldsInAnyOrder_isAccepted() {
    assertThat(
            PageToken.decode(token("{\"id\":\"a.b:c~d\",\"at\":\"2026-01-01T00:00:00Z\",\"v\":1}")))
        .isEqualTo(new JobCursor(Instant.parse("2026-01-01T00:00:00Z"), "a.b:c~d"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not base64!",
        "eyJ2IjoxfQ==", // padded
        "eyJ2IjoxfQ=",
        "a",
        "eyJ2Ijox+Q", // the other alphabet
      })
  void decode_notBase64Url_isABadNext(String token) {
    assertBadNext(token);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[1,2]",
        "\"text\"",
        "{}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\"}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"a\",\"limit\":5}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"a\",\"id\":\"b\"}",
        "{\"v\":2,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"a\"}",
        "{\"v\":\"1\",\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"a\"}",
        "{\"v\":1.0,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"a\"}",
        "{\"v\":99999999999999999999,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"a\"}",
        "{\"v\":1,\"at\":\"yesterday\",\"id\":\"a\"}",
        "{\"v\":1,\"at\":1767225600,\"id\":\"a\"}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"\"}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":7}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"a' OR '1'='1\"}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"a\\\"b\"}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"FAILED#2026-01-01#0\"}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"a b\"}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"\\u00e9\"}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"a\"} {}",
        "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":{\"S\":\"a\"}}"
      })
  void decode_craftedJson_isABadNext(String json) {
    assertBadNext(token(json));
  }

  @Test
  void decode_idOf129Characters_isABadNext() {
    String id = "a".repeat(129);

    assertBadNext(token("{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\"" + id + "\"}"));
    assertThat(
            PageToken.decode(
                token(
                    "{\"v\":1,\"at\":\"2026-01-01T00:00:00Z\",\"id\":\""
                        + id.substring(1)
                        + "\"}")))
        .extracting(JobCursor::id)
        .isEqualTo(id.substring(1));
  }

  @Test
  void decode_hugeToken_isABadNextBeforeAnyDecoding() {
    assertBadNext("A".repeat(10_000_000));
  }

  private static void assertBadNext(String token) {
    assertThatThrownBy(() -> PageToken.decode(token))
        .isInstanceOf(BadParameterException.class)
        .hasMessage("next: not a token from this API");
  }
}
