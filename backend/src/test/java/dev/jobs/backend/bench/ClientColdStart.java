package dev.jobs.backend.bench;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The child process of the HTTP client comparison: a fresh JVM builds a DynamoDB client on the HTTP
 * client named by {@code -Dsoftware.amazon.awssdk.http.service.impl} (so that this class compiles
 * without the alternatives), then makes a first {@code GetItem} and {@code UpdateItem}. Prints
 * {@code CLIENT <build ns> <first calls ns> <process CPU ns>}.
 */
public final class ClientColdStart {
  private ClientColdStart() {}

  public static void main(String[] args) {
    String table = System.getenv("TABLE_NAME");
    long start = System.nanoTime();
    DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .region(Region.of(System.getenv("AWS_REGION")))
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .endpointOverride(URI.create(System.getenv("DYNAMODB_ENDPOINT")))
            .build();
    long built = System.nanoTime();
    Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(args[0]));
    dynamo.getItem(b -> b.tableName(table).key(key));
    dynamo.updateItem(
        b ->
            b.tableName(table)
                .key(key)
                .updateExpression("SET attempts = :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    long called = System.nanoTime();
    System.out.println(
        "CLIENT " + (built - start) + " " + (called - built) + " " + ProcessCpu.nanosSoFar());
    System.out.flush();
  }
}
