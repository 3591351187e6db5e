package dev.jobs.backend.store;

import dev.jobs.backend.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One {@code moto_server} shared by the tests of a class, registered as a static {@code
 * RegisterExtension} field: started before the class's {@code BeforeAll} methods where it is
 * installed, required by each test (so that each skipped test shows the reason, and {@code CI=true}
 * fails it instead), and stopped after the class's {@code AfterAll} methods together with the
 * clients made on it.
 */
public final class MotoForClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private final String purpose;
  private final Deque<AutoCloseable> clients = new ArrayDeque<>();
  private MotoServer server;

  /**
   * @param purpose what the tests are, for the line that says why they are skipped
   */
  public MotoForClass(String purpose) {
    this.purpose = purpose;
  }

  /** Whether the server runs: a class's {@code BeforeAll} method sets up nothing without it. */
  public boolean isRunning() {
    return server != null;
  }

  public MotoServer server() {
    return server;
  }

  /** The server's fixed test credentials, as a client takes them. */
  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY));
  }

  /**
   * Writes {@code dir/credentials}, a shared credentials file whose {@code profile} holds the
   * server's keys, for a tool that reads its credentials as a user's are read.
   */
  public static Path credentialsFile(Path dir, String profile) throws IOException {
    return Files.writeString(
        dir.resolve("credentials"),
        String.join(
            "\n",
            "[" + profile + "]",
            "aws_access_key_id = " + MotoServer.ACCESS_KEY,
            "aws_secret_access_key = " + MotoServer.SECRET_KEY,
            ""));
  }

  /** A DynamoDB client for the server, closed with it. */
  public DynamoDbClient dynamoDb() {
    return closedWithServer(server.dynamoDb());
  }

  /** {@code client}, to be closed before the server stops. */
  public <C extends AutoCloseable> C closedWithServer(C client) {
    clients.push(client);
    return client;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (MotoServer.isInstalled()) {
      server = MotoServer.start();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RequiredTool.MOTO_SERVER.require(purpose);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    while (!clients.isEmpty()) {
      clients.pop().close();
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
