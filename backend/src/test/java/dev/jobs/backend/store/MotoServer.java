package dev.jobs.backend.store;

import dev.jobs.backend.RequiredTool;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A {@code moto_server} (a local implementation of the AWS APIs) on a free loopback port, for
 * integration tests and benchmarks. {@link #close()} stops it.
 */
public final class MotoServer implements AutoCloseable {
  public static final String COMMAND = "moto_server";
  public static final String REGION = "us-east-1";
  public static final String ACCESS_KEY = "test";
  public static final String SECRET_KEY = "test";
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final Process process;
  private final URI endpoint;
  private final Path log;

  private MotoServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /** Whether {@code moto_server} is on the {@code PATH}. */
  public static boolean isInstalled() {
    return RequiredTool.MOTO_SERVER.isInstalled();
  }

  /** Starts a server and waits until it answers. */
  public static MotoServer start() throws IOException, InterruptedException {
    int port = freePort();
    Path log = Files.createTempFile("moto-server-", ".log");
    Process process =
        new ProcessBuilder(COMMAND, "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
    try {
      server.awaitAnswer();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitAnswer() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "moto_server exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try {
        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
        connection.setConnectTimeout(200);
        connection.setReadTimeout(1000);
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status < 500) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IOException("moto_server did not answer on " + endpoint + " within " + STARTUP);
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Forgets every resource of every service, so that tests sharing a server start empty. */
  public void reset() throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setConnectTimeout(1000);
    connection.setReadTimeout(10_000);
    int status = connection.getResponseCode();
    connection.disconnect();
    if (status != 200) {
      throw new IOException("moto_server did not reset: HTTP " + status);
    }
  }

  /** A DynamoDB client for this server, on the same HTTP client as the Lambda. */
  public DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /**
   * Creates a jobs table as the CDK stack does: key {@code id} (string), on-demand billing, and the
   * list index (partition {@code listKey}, sort {@code listAt}, all attributes projected).
   */
  public static void createJobsTable(DynamoDbClient dynamo, String table) {
    dynamo.createTable(
        b ->
            b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("id", KeyType.HASH))
                .attributeDefinitions(
                    stringAttribute("id"),
                    stringAttribute(DynamoDbJobStore.LIST_KEY),
                    stringAttribute(DynamoDbJobStore.LIST_AT))
                .globalSecondaryIndexes(
                    index ->
                        index
                            .indexName(DynamoDbJobStore.INDEX)
                            .keySchema(
                                key(DynamoDbJobStore.LIST_KEY, KeyType.HASH),
                                key(DynamoDbJobStore.LIST_AT, KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL))));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
  }

  private static KeySchemaElement key(String attribute, KeyType type) {
    return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a leftover temporary log is harmless
    }
  }
}
