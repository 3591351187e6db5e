package dev.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The API's mapping templates rendered with Velocity and the parts of API Gateway's {@code $input},
 * {@code $util} and {@code $context} they use, on items in the backend's DynamoDB format.
 */
public class MappingTemplatesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static VelocityEngine velocity;

  @BeforeAll
  static void startVelocity() {
    velocity = new VelocityEngine();
    velocity.init();
  }

  /** What a template rendered, and the status it set. */
  record Rendered(JsonNode body, Object status) {}

  private static Rendered render(String template, String input) throws Exception {
    return render(template, new Input(input, Map.of()), Map.of());
  }

  private static Rendered render(String template, Input input, Map<String, Object> error)
      throws Exception {
    Map<String, Object> override = new HashMap<>();
    Map<String, Object> context = new HashMap<>();
    context.put("requestId", "c0ffee00-0000-4000-8000-000000000001");
    context.put("responseOverride", override);
    context.put("error", error);
    VelocityContext variables = new VelocityContext();
    variables.put("input", input);
    variables.put("util", new Util());
    variables.put("context", context);
    StringWriter out = new StringWriter();
    velocity.evaluate(variables, out, "mapping-template", template);
    return new Rendered(MAPPER.readTree(out.toString()), override.get("status"));
  }

  /** Ids a client may put in the path, as API Gateway decodes them. */
  static final String[] AWKWARD_IDS = {
    "it's", "back\\slash", "quote\"d", "caf\u00e9-\u65e5\u672c", "\\'", "'\"\\\u00e9"
  };

  @Test
  @DisplayName("GET's request template sends any id, quote, backslash or non-ASCII, as valid JSON")
  void getItemRequestIsValidJsonForAnyId() throws Exception {
    for (String id : AWKWARD_IDS) {
      String template = JobsApi.GET_ITEM_TEMPLATE.formatted("jobs-table");
      JsonNode request = render(template, new Input("", Map.of("jobId", id)), Map.of()).body();
      assertThat(request.get("Key").get("id").get("S").asText()).as(id).isEqualTo(id);
      assertThat(request.get("TableName").asText()).isEqualTo("jobs-table");
      assertThat(request.get("ConsistentRead").asBoolean()).isTrue();
    }
  }

  @Test
  @DisplayName("the 400 body is valid JSON whatever the validator's reasons hold")
  void invalidBodyIsValidJsonForAnyReason() throws Exception {
    Map<String, Object> error = new HashMap<>();
    error.put("message", "Invalid request body");
    error.put("messageString", "\"Invalid request body\"");
    error.put(
        "validationErrorString",
        "[instance type (string) does not match any allowed primitive type (allowed:"
            + " [\"integer\"]), \\ caf\u00e9 it's]");
    JsonNode body =
        render(
                JobsApi.invalidBody(List.of("sleep", "flaky", "my-kind")),
                new Input("", Map.of()),
                error)
            .body();
    assertThat(body)
        .isEqualTo(
            json(
                "{\"message\": \"Invalid request body\", \"jobTypes\": [\"sleep\", \"flaky\","
                    + " \"my-kind\"]}"));
  }

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  @DisplayName("a finished job's item renders as its JobRecord, parameters and result as JSON")
  void succeededItemRendersTheRecord() throws Exception {
    String item =
        """
        {"Item": {
          "id": {"S": "job-1"}, "status": {"S": "SUCCEEDED"}, "type": {"S": "sleep"},
          "parameters": {"S": "{\\"seconds\\":1}"}, "result": {"S": "{\\"slept\\":1}"},
          "attempts": {"N": "1"}, "startedAt": {"S": "2026-11-26T10:00:00Z"},
          "finishedAt": {"S": "2026-11-26T10:00:01Z"}, "expiresAt": {"N": "1790000000"}}}
        """;
    Rendered rendered = render(JobsApi.JOB_RECORD_TEMPLATE, item);
    assertThat(rendered.status()).isNull();
    assertThat(rendered.body())
        .isEqualTo(
            json(
                """
                {"id": "job-1", "status": "SUCCEEDED", "type": "sleep",
                 "parameters": {"seconds": 1}, "result": {"slept": 1}, "attempts": 1,
                 "startedAt": "2026-11-26T10:00:00Z", "finishedAt": "2026-11-26T10:00:01Z",
                 "expiresAt": 1790000000}
                """));
  }

  @Test
  @DisplayName("a failed job's error renders as the JSON object it holds")
  void failedItemRendersTheError() throws Exception {
    String item =
        """
        {"Item": {
          "id": {"S": "job-2"}, "status": {"S": "FAILED"}, "type": {"S": "sleep"},
          "error": {"S": "{\\"type\\":\\"Boom\\",\\"message\\":\\"it said \\\\\\"no\\\\\\"\\",\\"condition\\":\\"RetriesExhausted\\"}"},
          "attempts": {"N": "0"}, "finishedAt": {"S": "2026-11-26T10:00:01Z"},
          "expiresAt": {"N": "1790000000"}}}
        """;
    JsonNode body = render(JobsApi.JOB_RECORD_TEMPLATE, item).body();
    assertThat(body.get("error"))
        .isEqualTo(
            json(
                "{\"type\": \"Boom\", \"message\": \"it said \\\"no\\\"\","
                    + " \"condition\": \"RetriesExhausted\"}"));
    assertThat(body.has("startedAt")).isFalse();
    assertThat(body.has("result")).isFalse();
  }

  @Test
  @DisplayName("a running job's item leaves out what it does not have yet")
  void runningItemLeavesOutAbsentAttributes() throws Exception {
    String item =
        """
        {"Item": {"id": {"S": "job-3"}, "status": {"S": "RUNNING"}, "type": {"S": "sleep"},
          "parameters": {"S": "{\\"seconds\\":5}"}, "attempts": {"N": "1"},
          "startedAt": {"S": "2026-11-26T10:00:00Z"}, "expiresAt": {"N": "1790000000"}}}
        """;
    assertThat(render(JobsApi.JOB_RECORD_TEMPLATE, item).body())
        .isEqualTo(
            json(
                """
                {"id": "job-3", "status": "RUNNING", "type": "sleep", "parameters": {"seconds": 5},
                 "attempts": 1, "startedAt": "2026-11-26T10:00:00Z", "expiresAt": 1790000000}
                """));
  }

  @Test
  @DisplayName(
      "a running job's progress renders as the JSON it holds, with its heartbeat, timeout and"
          + " pending cancel")
  void runningItemRendersProgressAndAPendingCancel() throws Exception {
    String item =
        """
        {"Item": {"id": {"S": "job-4"}, "status": {"S": "RUNNING"}, "type": {"S": "sleep"},
          "parameters": {"S": "{\\"seconds\\":60}"},
          "progress": {"S": "{\\"done\\":3,\\"total\\":60,\\"message\\":\\"slept 3 of 60 s, \\\\\\"caf\u00e9\\\\\\"\\",\\"at\\":\\"2026-11-26T10:00:03Z\\"}"},
          "attempts": {"N": "1"}, "startedAt": {"S": "2026-11-26T10:00:00Z"},
          "heartbeatAt": {"S": "2026-11-26T10:00:03Z"},
          "cancelRequestedAt": {"S": "2026-11-26T10:00:04Z"}, "timeoutSeconds": {"N": "900"},
          "expiresAt": {"N": "1790000000"}}}
        """;
    Rendered rendered = render(JobsApi.JOB_RECORD_TEMPLATE, item);
    assertThat(rendered.status()).isNull();
    assertThat(rendered.body())
        .isEqualTo(
            json(
                """
                {"id": "job-4", "status": "RUNNING", "type": "sleep", "parameters": {"seconds": 60},
                 "progress": {"done": 3, "total": 60, "message": "slept 3 of 60 s, \\"caf\u00e9\\"",
                              "at": "2026-11-26T10:00:03Z"},
                 "attempts": 1, "startedAt": "2026-11-26T10:00:00Z",
                 "heartbeatAt": "2026-11-26T10:00:03Z", "cancelRequestedAt": "2026-11-26T10:00:04Z",
                 "timeoutSeconds": 900, "expiresAt": 1790000000}
                """));
  }

  @Test
  @DisplayName(
      "a job its client named renders QUEUED with its parameters, 0 attempts and its queuedAt, as"
          + " the store wrote it")
  void queuedItemRendersItsQueueing() throws Exception {
    String item =
        """
        {"Item": {"id": {"S": "nightly-2026-11-26"}, "status": {"S": "QUEUED"},
          "type": {"S": "sleep"}, "parameters": {"S": "{\\"seconds\\":5}"},
          "attempts": {"N": "0"}, "queuedAt": {"S": "2026-11-26T10:00:00.123Z"},
          "expiresAt": {"N": "1790000000"}, "listKey": {"S": "QUEUED#2026-11-26#1"},
          "listAt": {"S": "2026-11-26T10:00:00.123000000Z#nightly-2026-11-26"}}}
        """;
    assertThat(render(JobsApi.JOB_RECORD_TEMPLATE, item).body())
        .isEqualTo(
            json(
                """
                {"id": "nightly-2026-11-26", "status": "QUEUED", "type": "sleep",
                 "parameters": {"seconds": 5}, "attempts": 0,
                 "queuedAt": "2026-11-26T10:00:00.123Z", "expiresAt": 1790000000}
                """));
  }

  @Test
  @DisplayName(
      "a job cancelled while queued renders with no type, parameters nor start, and 0 attempts")
  void cancelledWhileQueuedItemRendersWithoutARun() throws Exception {
    String item =
        """
        {"Item": {"id": {"S": "job-5"}, "status": {"S": "CANCELLED"}, "attempts": {"N": "0"},
          "cancelRequestedAt": {"S": "2026-11-26T10:00:00Z"},
          "finishedAt": {"S": "2026-11-26T10:00:00Z"}, "expiresAt": {"N": "1790000000"}}}
        """;
    assertThat(render(JobsApi.JOB_RECORD_TEMPLATE, item).body())
        .isEqualTo(
            json(
                """
                {"id": "job-5", "status": "CANCELLED", "attempts": 0,
                 "cancelRequestedAt": "2026-11-26T10:00:00Z",
                 "finishedAt": "2026-11-26T10:00:00Z", "expiresAt": 1790000000}
                """));
  }

  @Test
  @DisplayName("a job stopped by a cancel renders CANCELLED with its last progress and its end")
  void cancelledWhileRunningItemRendersItsRun() throws Exception {
    String item =
        """
        {"Item": {"id": {"S": "job-6"}, "status": {"S": "CANCELLED"}, "type": {"S": "flaky"},
          "parameters": {"S": "{}"},
          "progress": {"S": "{\\"done\\":7,\\"total\\":0,\\"at\\":\\"2026-11-26T10:00:07Z\\"}"},
          "attempts": {"N": "1"}, "startedAt": {"S": "2026-11-26T10:00:00Z"},
          "heartbeatAt": {"S": "2026-11-26T10:00:07Z"},
          "cancelRequestedAt": {"S": "2026-11-26T10:00:07Z"}, "timeoutSeconds": {"N": "60"},
          "finishedAt": {"S": "2026-11-26T10:00:08Z"}, "expiresAt": {"N": "1790000000"}}}
        """;
    assertThat(render(JobsApi.JOB_RECORD_TEMPLATE, item).body())
        .isEqualTo(
            json(
                """
                {"id": "job-6", "status": "CANCELLED", "type": "flaky", "parameters": {},
                 "progress": {"done": 7, "total": 0, "at": "2026-11-26T10:00:07Z"},
                 "attempts": 1, "startedAt": "2026-11-26T10:00:00Z",
                 "heartbeatAt": "2026-11-26T10:00:07Z", "cancelRequestedAt": "2026-11-26T10:00:07Z",
                 "timeoutSeconds": 60, "finishedAt": "2026-11-26T10:00:08Z",
                 "expiresAt": 1790000000}
                """));
  }

  @Test
  @DisplayName("a job that finished despite a cancel keeps the cancel's time beside its result")
  void succeededDespiteACancelKeepsTheRequest() throws Exception {
    String item =
        """
        {"Item": {"id": {"S": "job-7"}, "status": {"S": "SUCCEEDED"}, "type": {"S": "mine"},
          "parameters": {"S": "{}"}, "result": {"S": "{\\"done\\":true}"},
          "attempts": {"N": "1"}, "startedAt": {"S": "2026-11-26T10:00:00Z"},
          "cancelRequestedAt": {"S": "2026-11-26T10:00:01Z"},
          "finishedAt": {"S": "2026-11-26T10:00:02Z"}, "expiresAt": {"N": "1790000000"}}}
        """;
    JsonNode body = render(JobsApi.JOB_RECORD_TEMPLATE, item).body();
    assertThat(body.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(body.get("result")).isEqualTo(json("{\"done\": true}"));
    assertThat(body.get("cancelRequestedAt").asText()).isEqualTo("2026-11-26T10:00:01Z");
  }

  @Test
  @DisplayName("no item answers 404 with {\"message\": \"Job not found\"}")
  void missingItemAnswers404() throws Exception {
    Rendered rendered = render(JobsApi.JOB_RECORD_TEMPLATE, "{}");
    assertThat(rendered.status()).isEqualTo(404);
    assertThat(rendered.body()).isEqualTo(json("{\"message\": \"Job not found\"}"));
  }

  @Test
  @DisplayName("POST's request template sends the request id and the body as parameters")
  void invocationTemplate() throws Exception {
    assertThat(render(JobsApi.INVOCATION_TEMPLATE, "{\"seconds\": 3}").body())
        .isEqualTo(
            json(
                "{\"id\": \"c0ffee00-0000-4000-8000-000000000001\","
                    + " \"parameters\": {\"seconds\": 3}}"));
  }

  @Test
  @DisplayName("POST answers with the request id as the job id")
  void acceptedTemplate() throws Exception {
    assertThat(render(JobsApi.ACCEPTED_TEMPLATE, "").body())
        .isEqualTo(json("{\"id\": \"c0ffee00-0000-4000-8000-000000000001\"}"));
  }

  /** API Gateway's {@code $input}: the body, JSONPath {@code $} over it, the path parameters. */
  public static final class Input {
    private final String body;
    private final Map<String, String> params;

    Input(String body, Map<String, String> params) {
      this.body = body;
      this.params = params;
    }

    public String getBody() {
      return body;
    }

    public String params(String name) {
      return params.getOrDefault(name, "");
    }

    public Object path(String path) throws Exception {
      if (!"$".equals(path)) {
        throw new IllegalArgumentException("only $ is supported here: " + path);
      }
      return MAPPER.readValue(body, Object.class);
    }
  }

  /**
   * API Gateway's {@code $util.escapeJavaScript}, as Commons Lang's {@code escapeJavaScript} that
   * it documents: quotes (single ones too), backslash, slash and control characters escaped, and
   * every character beyond ASCII as {@code \\uXXXX}.
   */
  public static final class Util {
    public String escapeJavaScript(String text) {
      StringBuilder out = new StringBuilder();
      for (char c : text.toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\'' -> out.append("\\'");
          case '\\' -> out.append("\\\\");
          case '/' -> out.append("\\/");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          default -> {
            if (c < 0x20 || c > 0x7f) {
              out.append(String.format("\\u%04X", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.toString();
    }
  }
}
