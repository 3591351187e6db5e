package dev.jobs.backend.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.store.DynamoDbJobStore;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.testing.WireMockDynamoDb;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;

/**
 * What the handlers do before SnapStart's snapshot: they run their request paths, and touch no job.
 * Against WireMock standing in for DynamoDB, every request priming sends is recorded.
 */
class PrimingTest {
  private static final String TARGET = WireMockDynamoDb.TARGET;
  private static final Instant NOW = Instant.parse("2026-05-06T07:08:09Z");

  private WireMockServer dynamoDb;
  private DynamoDbClient client;

  @BeforeEach
  void startStub() {
    dynamoDb = WireMockDynamoDb.start();
    client = WireMockDynamoDb.client(dynamoDb).build();
    answer("GetItem", "{}");
    answer("Query", "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}");
    answer("UpdateItem", "{}");
  }

  @AfterEach
  void stopStub() {
    client.close();
    dynamoDb.stop();
  }

  private void answer(String operation, String body) {
    WireMockDynamoDb.answer(dynamoDb, operation, body);
  }

  private Backend backendOn(JobStore store) {
    return Backend.create(
        store, JobKinds.load(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(7));
  }

  private List<ServeEvent> requests() {
    return dynamoDb.getAllServeEvents();
  }

  private static String operation(ServeEvent request) {
    return request.getRequest().getHeader(TARGET);
  }

  private static JsonNode body(ServeEvent request) {
    return JobJson.MAPPER.readTree(request.getRequest().getBodyAsString());
  }

  @Test
  void processingPriming_sendsOnlyTheReadOfAKeyNoJobCanHave() {
    Backend backend = backendOn(new DynamoDbJobStore(client, "jobs"));
    ProcessJobHandler handler =
        new ProcessJobHandler(backend.processor(), backend.priming()::processingPath);

    handler.beforeCheckpoint(null);

    assertThat(requests()).hasSize(1);
    ServeEvent read = requests().get(0);
    assertThat(operation(read)).isEqualTo("DynamoDB_20120810.GetItem");
    assertThat(body(read).path("Key").path("id").path("S").asString())
        .isEqualTo(Priming.IMPOSSIBLE_ID);
  }

  @Test
  void listPriming_queriesOnlyPartitionsOfADayNoJobHas() {
    ListJobsHandler handler =
        new ListJobsHandler(backendOn(new DynamoDbJobStore(client, "jobs")).list(), true);

    handler.beforeCheckpoint(null);

    assertThat(requests()).isNotEmpty();
    assertThat(requests())
        .allSatisfy(
            query -> {
              assertThat(operation(query)).isEqualTo("DynamoDB_20120810.Query");
              assertThat(
                      body(query)
                          .path("ExpressionAttributeValues")
                          .path(":key")
                          .path("S")
                          .asString())
                  .startsWith("FAILED#1970-01-01#");
            });
  }

  @Test
  void failurePriming_callsNeitherTheTableNorTheBus() {
    Backend backend = backendOn(new DynamoDbJobStore(client, "jobs"));
    FailedJobHandler handler =
        new FailedJobHandler(
            backend.failures(),
            record -> {
              throw new AssertionError("priming put an event: " + record);
            },
            backend.priming()::failurePath);

    handler.beforeCheckpoint(null);

    assertThat(requests()).isEmpty();
  }

  @Test
  void priming_changesNothingInTheInMemoryStore() {
    InMemoryJobStore store = new InMemoryJobStore();
    JobRecord job =
        JobRecord.builder("a-job")
            .status(JobStatus.RUNNING)
            .type("sleep")
            .parameters(JobJson.MAPPER.createObjectNode().put("type", "sleep").put("seconds", 1))
            .attempts(1)
            .startedAt(NOW)
            .expiresAt(NOW.getEpochSecond())
            .build();
    store.put(job);
    // Any write would throw, and the priming paths do not catch.
    store.failWrites(new IllegalStateException("priming wrote to the store"));
    Backend backend = backendOn(store);

    backend.priming().processingPath();
    backend.priming().failurePath();
    new ListJobsHandler(backend.list(), true).beforeCheckpoint(null);

    assertThat(store.find("a-job")).contains(job);
    assertThat(store.find(Priming.IMPOSSIBLE_ID)).isEmpty();
  }

  @Test
  void handlersOfTheLocalRuntime_doNotPrime() {
    Backend backend = backendOn(new DynamoDbJobStore(client, "jobs"));

    new ProcessJobHandler(backend.processor()).beforeCheckpoint(null);
    new ListJobsHandler(backend.list()).beforeCheckpoint(null);

    assertThat(requests()).isEmpty();
  }

  @Test
  void failedPriming_stillLetsTheSnapshotBeTaken() {
    dynamoDb.resetMappings();
    dynamoDb.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody("{}")));
    Backend backend = backendOn(new DynamoDbJobStore(client, "jobs"));

    new ProcessJobHandler(backend.processor(), backend.priming()::processingPath)
        .beforeCheckpoint(null);

    assertThat(requests()).isNotEmpty();
  }

  @Test
  void preload_loadsTheClassesTheBuildListedForTheFirstRequest() {
    assertThat(
            ProcessJobHandler.class.getResource(SnapStartHooks.listName(ProcessJobHandler.class)))
        .as("the list the build writes at process-test-classes")
        .isNotNull();

    assertThat(SnapStartHooks.preload(ProcessJobHandler.class)).isGreaterThan(100);
    assertThat(SnapStartHooks.preload(ListJobsHandler.class)).isGreaterThan(100);
    assertThat(SnapStartHooks.preload(CancelJobHandler.class)).isGreaterThan(100);
    assertThat(SnapStartHooks.preload(QueueJobHandler.class)).isGreaterThan(100);
  }

  @Test
  void cancelAndQueuePriming_sendNothingToTheTable() {
    Backend backend = backendOn(new DynamoDbJobStore(client, "jobs"));

    new CancelJobHandler(backend.cancel(), true).beforeCheckpoint(null);
    new QueueJobHandler(backend.queue(), true).beforeCheckpoint(null);

    assertThat(requests()).isEmpty();
  }

  @Test
  void preloadOfTheCancelAndQueueLists_loadsTheSdksUpdateItemPathTheirPrimingCannotRun() {
    String update = "software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest";

    assertThat(listed(CancelJobHandler.class)).contains(update);
    assertThat(listed(QueueJobHandler.class)).contains(update);
  }

  private static List<String> listed(Class<?> handler) {
    try (InputStream list = handler.getResourceAsStream(SnapStartHooks.listName(handler))) {
      assertThat(list).as("the list of %s", handler.getSimpleName()).isNotNull();
      return new String(list.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void firstRequestClasses_keepsNamedClassesAndLeavesOutGeneratedAndTestOnes() {
    assertThat(
            FirstRequestClasses.loadedClass(
                "[0.512s][info][class,load] software.amazon.awssdk.core.SdkRequest source:"
                    + " file:/build/backend-lambda.jar"))
        .isEqualTo("software.amazon.awssdk.core.SdkRequest");
    assertThat(
            FirstRequestClasses.loadedClass(
                "[0.1s][info][class,load] java.util.HashMap source: shared objects file"))
        .isEqualTo("java.util.HashMap");
    assertThat(
            FirstRequestClasses.loadedClass(
                "[0.2s][info][class,load] dev.jobs.X$$Lambda/0x0000000801001234 source:"
                    + " dev.jobs.X"))
        .isNull();
    assertThat(
            FirstRequestClasses.loadedClass(
                "[0.3s][info][class,load] dev.jobs.backend.handler.FakeLambdaContext source:"
                    + " file:/repo/backend/target/test-classes/"))
        .isNull();
    assertThat(FirstRequestClasses.loadedClass("FIRST-REQUEST-END")).isNull();
  }
}
