package dev.jobs.backend.bench;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobs.backend.handler.Backend;
import dev.jobs.backend.handler.ProcessJobHandler;
import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.store.DynamoDbJobStore;
import dev.jobs.backend.store.InMemoryJobStore;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.testing.FakeLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The child process of the warm benchmark: one handler, many {@code noop} jobs (each a new job id,
 * so each is a start and a success in the store). The store is {@code memory} (the handler path
 * alone), {@code canned} (DynamoDB adapter and SDK on an HTTP client answering at once) or {@code
 * dynamodb} (the Lambda wiring, on the server in {@code DYNAMODB_ENDPOINT}). Prints {@code WARM
 * <median ns> <p99 ns>} over the measured events, after the warm-up events.
 */
public final class WarmEvents {
  private WarmEvents() {}

  public static void main(String[] args) throws Exception {
    String storeName = args[0];
    int warmup = Integer.parseInt(args[1]);
    int events = Integer.parseInt(args[2]);
    JobStore store =
        switch (storeName) {
          case "dynamodb" -> DynamoDbJobStore.fromEnvironment(System.getenv());
          case "canned" ->
              new DynamoDbJobStore(
                  DynamoDbClient.builder()
                      .httpClient(new CannedDynamoDb())
                      .region(Region.US_EAST_1)
                      .credentialsProvider(
                          StaticCredentialsProvider.create(
                              AwsBasicCredentials.create("bench", "bench")))
                      .build(),
                  "jobs");
          case "memory" -> new InMemoryJobStore();
          default -> throw new IllegalArgumentException("unknown store " + storeName);
        };
    ProcessJobHandler handler =
        new ProcessJobHandler(
            Backend.create(
                    store, JobKinds.of(new NoOpJob()), Clock.systemUTC(), Backend.DEFAULT_RETENTION)
                .processor());
    Context context = FakeLambdaContext.of("warm", 900_000);
    String run = Long.toString(System.nanoTime(), 36);
    byte[][] inputs = new byte[warmup + events][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] =
          ("{\"id\":\"warm-" + run + "-" + i + "\",\"parameters\":{\"type\":\"noop\"}}")
              .getBytes(StandardCharsets.UTF_8);
    }
    long[] nanos = new long[events];
    for (int i = 0; i < inputs.length; i++) {
      ByteArrayOutputStream output = new ByteArrayOutputStream(64);
      long start = System.nanoTime();
      handler.handleRequest(new ByteArrayInputStream(inputs[i]), output, context);
      long took = System.nanoTime() - start;
      if (i >= warmup) {
        nanos[i - warmup] = took;
      }
    }
    Arrays.sort(nanos);
    System.out.println(
        "WARM " + BackendBenchmark.median(nanos) + " " + BackendBenchmark.percentile(nanos, 99));
  }
}
