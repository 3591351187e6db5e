package dev.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  @DisplayName("the backend's schema is on the classpath and is draft 4")
  void backendSchemaIsDraft4() {
    assertThat(RequestSchema.document().get("$schema").asText())
        .isEqualTo("http://json-schema.org/draft-04/schema#");
  }

  @Test
  @DisplayName("a keyword the converter does not know fails, naming where it is")
  void unknownKeywordFails() {
    assertThatThrownBy(
            () ->
                RequestSchema.convert(
                    MAPPER.readTree("{\"properties\": {\"seconds\": {\"multipleOf\": 5}}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the request schema uses #/properties/seconds/multipleOf, which the API model"
                + " converter does not know");
  }

  @Test
  @DisplayName("a schema of another draft fails: API Gateway models are draft 4")
  void otherDraftFails() {
    assertThatThrownBy(
            () ->
                RequestSchema.convert(
                    MAPPER.readTree(
                        "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}")))
        .hasMessageStartingWith("API Gateway models are JSON Schema draft 4");
  }

  @Test
  @DisplayName("an unknown type fails")
  void unknownTypeFails() {
    assertThatThrownBy(() -> RequestSchema.convert(MAPPER.readTree("{\"type\": \"date\"}")))
        .hasMessage("unknown type \"date\" at #/type");
  }
}
