package dev.jobs.backend.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema resource is the first validation level (API Gateway's model, and the local runtime's
 * check). It must reject what it can see is wrong and leave other kinds to their own validation.
 */
class JobRequestSchemaTest {
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = JobRequestSchema.class.getResourceAsStream(JobRequestSchema.RESOURCE)) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(in, InputFormat.JSON);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"seconds\": 1}",
        "{\"seconds\": 900}",
        "{\"type\": \"sleep\", \"seconds\": 30}",
        "{\"type\": \"resize-image\", \"width\": 200}",
        "{\"type\": \"flaky\", \"failures\": 1, \"seconds\": 0}"
      })
  void theSchemaAcceptsValidRequests(String body) {
    assertThat(schema.validate(body, InputFormat.JSON)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"seconds\": 0}",
        "{\"type\": \"sleep\", \"seconds\": 0}",
        "{\"type\": \"flaky\", \"failures\": 1, \"seconds\": -1}",
        "{\"seconds\": -1}",
        "{\"seconds\": 1.5}",
        "{\"seconds\": \"5\"}",
        "{\"seconds\": 901}",
        "{\"seconds\": 5, \"color\": \"red\"}",
        "{\"type\": \"sleep\"}",
        "{\"type\": 7, \"seconds\": 5}",
        "{\"type\": \"Not A Kind\", \"seconds\": 5}",
        "[]",
        "5"
      })
  void theSchemaRejectsInvalidRequests(String body) {
    assertThat(schema.validate(body, InputFormat.JSON)).isNotEmpty();
  }
}
