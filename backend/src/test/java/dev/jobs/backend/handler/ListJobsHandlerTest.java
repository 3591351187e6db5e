package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.list.JobList;
import dev.jobs.backend.store.ForwardingJobStore;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.store.JobPage;
import dev.jobs.backend.store.JobQuery;
import dev.jobs.backend.store.JobStore.JobFailure;
import dev.jobs.backend.store.JobStore.JobStart;
import dev.jobs.backend.store.JobStoreException;
import dev.jobs.backend.testing.FakeLambdaContext;
import dev.jobs.backend.testing.HandlerCalls;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ListJobsHandlerTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  /** The in-memory store, counting the queries that reach it. */
  private final List<JobQuery> queries = new ArrayList<>();

  private final InMemoryJobStore memory = new InMemoryJobStore();
  private final ListingStore store = new ListingStore();
  private final ListJobsHandler handler =
      new ListJobsHandler(new JobList(store, Clock.fixed(NOW, ZoneOffset.UTC)));

  /** The in-memory store, recording the queries that reach it; its list can be made to fail. */
  private final class ListingStore extends ForwardingJobStore {
    RuntimeException failure;

    ListingStore() {
      super(memory);
    }

    @Override
    public JobPage list(JobQuery query) {
      queries.add(query);
      if (failure != null) {
        throw failure;
      }
      return super.list(query);
    }
  }

  @Test
  void noQueryParameters_answersTheLastDaysJobsNewestFirst() throws Exception {
    failed("job-a", NOW.minusSeconds(60));
    failed("job-b", NOW.minusSeconds(30));
    failed("job-old", NOW.minusSeconds(2 * 86_400));

    JsonNode response = handle(event(null));

    assertThat(response.get("statusCode").asInt()).isEqualTo(200);
    assertThat(response.get("headers").get("Content-Type").asString())
        .isEqualTo("application/json");
    JsonNode body = JobJson.MAPPER.readTree(response.get("body").asString());
    assertThat(body.get("jobs").findValuesAsString("id")).containsExactly("job-b", "job-a");
    assertThat(body.has("next")).isFalse();
  }

  @Test
  void eachJob_isTheRecordAsGetAnswersIt() throws Exception {
    failed("job-a", NOW.minusSeconds(60));

    JsonNode body = body(handle(event(null)));

    assertThat(JobJson.MAPPER.writeValueAsString(body.get("jobs").get(0)))
        .isEqualTo(JobJson.MAPPER.writeValueAsString(memory.find("job-a").orElseThrow()));
  }

  @Test
  void aFullPage_carriesTheNextToken_whichListsOn() throws Exception {
    for (int i = 0; i < 3; i++) {
      failed("job-" + i, NOW.minusSeconds(60 - i));
    }

    JsonNode first = body(handle(event(query("limit", "2"))));
    ObjectNode nextQuery = query("limit", "2");
    nextQuery.put("next", first.get("next").asString());
    JsonNode second = body(handle(event(nextQuery)));

    assertThat(first.get("jobs").findValuesAsString("id")).containsExactly("job-2", "job-1");
    assertThat(second.get("jobs").findValuesAsString("id")).containsExactly("job-0");
    assertThat(second.has("next")).isFalse();
  }

  @Test
  void anEmptyPage_isAnEmptyList() throws Exception {
    JsonNode response = handle(event(query("status", "RUNNING")));

    assertThat(response.get("statusCode").asInt()).isEqualTo(200);
    assertThat(response.get("body").asString()).isEqualTo("{\"jobs\":[]}");
  }

  @Test
  void aBadParameter_answers400NamingIt_withoutReachingTheStore() throws Exception {
    JsonNode response = handle(event(query("status", "failed")));

    assertThat(response.get("statusCode").asInt()).isEqualTo(400);
    assertThat(response.get("body").asString())
        .isEqualTo(
            "{\"message\":\"status: must be QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED\"}");
    assertThat(queries).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%%%",
        "eyJ2IjoxLCJhdCI6IjIwMjYtMTEtMjlUMTA6MDA6MDBaIiwiaWQiOiJhIn0=",
        "{\"v\":1,\"at\":\"2026-11-29T10:00:00Z\",\"id\":\"a\",\"limit\":1000}",
        "{\"v\":1,\"at\":\"2026-11-29T10:00:00Z\",\"id\":\"a\\\" OR \\\"1\\\"=\\\"1\"}",
        "{\"v\":1,\"at\":\"2026-11-29T10:00:00Z\",\"id\":\"a'; DROP TABLE jobs; --\"}",
        "{\"v\":1,\"at\":\"2026-11-29T10:00:00Z\",\"id\":\"FAILED#2026-11-29#0\"}",
        "{\"v\":1,\"at\":\"2026-11-29T10:00:00Z#zzz\",\"id\":\"a\"}",
        "{\"v\":1,\"at\":\"2026-11-29T10:00:00Z\",\"id\":{\"S\":\"a\"}}",
        "{\"v\":1,\"at\":\"2026-11-29T10:00:00Z\",\"id\":\"a\",\"ExclusiveStartKey\":{}}"
      })
  void aCraftedNext_answers400_andNeverReachesTheStore(String crafted) throws Exception {
    String token =
        crafted.startsWith("{")
            ? Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(crafted.getBytes(StandardCharsets.UTF_8))
            : crafted;

    JsonNode response = handle(event(query("next", token)));

    assertThat(response.get("statusCode").asInt()).isEqualTo(400);
    assertThat(response.get("body").asString())
        .isEqualTo("{\"message\":\"next: not a token from this API\"}");
    assertThat(queries).isEmpty();
  }

  @Test
  void aHugeNext_answers400_andNeverReachesTheStore() throws Exception {
    String huge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"v\":1,\"at\":\"2026-11-29T10:00:00Z\",\"id\":\"" + "a".repeat(200_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));

    JsonNode response = handle(event(query("next", huge)));

    assertThat(response.get("statusCode").asInt()).isEqualTo(400);
    assertThat(queries).isEmpty();
  }

  @Test
  void aStoreFailure_answers500WithoutItsCause() throws Exception {
    store.failure =
        new JobStoreException("could not list jobs from table jobs", new IllegalStateException());

    JsonNode response = handle(event(null));

    assertThat(response.get("statusCode").asInt()).isEqualTo(500);
    assertThat(response.get("body").asString())
        .isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(response.get("headers").get("Content-Type").asString())
        .isEqualTo("application/json");
  }

  @Test
  void multiValueParameters_andOtherEventFields_areIgnored() throws Exception {
    failed("job-a", NOW.minusSeconds(60));
    ObjectNode event = event(query("status", "FAILED"));
    event.putObject("multiValueQueryStringParameters").putArray("status").add("bogus");

    assertThat(body(handle(event)).get("jobs").findValuesAsString("id")).containsExactly("job-a");
  }

  private void failed(String id, Instant at) {
    memory.start(
        new JobStart(
            id,
            "sleep",
            JobJson.MAPPER.createObjectNode().put("seconds", 1),
            at,
            1L,
            null,
            null,
            null));
    memory.fail(
        new JobFailure(id, "sleep", null, new JobError("E", "boom", "RetriesExhausted"), at, 1L));
  }

  private static ObjectNode query(String name, String value) {
    return JobJson.MAPPER.createObjectNode().put(name, value);
  }

  /** API Gateway's REST proxy event, as much of it as the function reads and a little more. */
  private static ObjectNode event(ObjectNode query) {
    ObjectNode event = JobJson.MAPPER.createObjectNode();
    event.put("resource", "/jobs").put("path", "/jobs").put("httpMethod", "GET");
    if (query == null) {
      event.putNull("queryStringParameters");
    } else {
      event.set("queryStringParameters", query);
    }
    event.putNull("body");
    event.putObject("requestContext").put("stage", "prod").put("requestId", "r-1");
    return event;
  }

  private static JsonNode body(JsonNode response) {
    assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
    return JobJson.MAPPER.readTree(response.get("body").asString());
  }

  private JsonNode handle(JsonNode event) throws Exception {
    return HandlerCalls.json(handler, event.toString(), FakeLambdaContext.of(10_000));
  }
}
