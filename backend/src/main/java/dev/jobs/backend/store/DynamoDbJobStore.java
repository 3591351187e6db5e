package dev.jobs.backend.store;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job store on DynamoDB. One item per job, keyed by {@code id}. {@code parameters}, {@code
 * result} and {@code error} are strings holding JSON, so that API Gateway's {@code GET} mapping
 * template can emit them as they are; {@code attempts} and {@code expiresAt} (the TTL attribute)
 * are numbers; {@code startedAt} and {@code finishedAt} are ISO-8601 strings. Every write is one
 * conditional {@code UpdateItem}. {@code status}, {@code type}, {@code parameters}, {@code result}
 * and {@code error} are DynamoDB reserved words, so expressions name them through aliases.
 */
public final class DynamoDbJobStore implements JobStore {
  private static final Map<String, String> NAMES =
      Map.of(
          "#status",
          "status",
          "#type",
          "type",
          "#parameters",
          "parameters",
          "#result",
          "result",
          "#error",
          "error");

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbJobStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /**
   * The Lambda wiring: table from {@code TABLE_NAME}, region from {@code AWS_REGION}, credentials
   * from the environment Lambda sets, the url-connection HTTP client (the lightest cold start), and
   * an endpoint override from {@code DYNAMODB_ENDPOINT} when set (tests and benchmarks).
   */
  public static DynamoDbJobStore fromEnvironment(Map<String, String> env) {
    String table = env.get("TABLE_NAME");
    if (table == null || table.isBlank()) {
      throw new IllegalStateException("TABLE_NAME is not set: the function needs its table's name");
    }
    String region = env.get("AWS_REGION");
    if (region == null || region.isBlank()) {
      throw new IllegalStateException("AWS_REGION is not set");
    }
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(region))
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create());
    String endpoint = env.get("DYNAMODB_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return new DynamoDbJobStore(builder.build(), table);
  }

  @Override
  public Optional<JobRecord> find(String id) {
    try {
      GetItemResponse response =
          dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true));
      return response.hasItem() && !response.item().isEmpty()
          ? Optional.of(toRecord(response.item()))
          : Optional.empty();
    } catch (SdkException e) {
      throw new JobStoreException("could not read job " + id + " from table " + table, e);
    }
  }

  @Override
  public Optional<JobRecord> start(JobStart start) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":running", s(JobStatus.RUNNING.name()));
    values.put(":type", s(start.type()));
    values.put(":parameters", s(JobJson.MAPPER.writeValueAsString(start.parameters())));
    values.put(":now", s(start.startedAt().toString()));
    values.put(":expiresAt", n(start.expiresAt()));
    values.put(":zero", n(0));
    values.put(":one", n(1));
    String update =
        "SET #status = :running, #type = :type, #parameters = :parameters,"
            + " expiresAt = :expiresAt, attempts = if_not_exists(attempts, :zero) + :one";
    String condition = "attribute_not_exists(id) OR #status = :running";
    if (start.replay()) {
      values.put(":failed", s(JobStatus.FAILED.name()));
      update += ", startedAt = :now REMOVE finishedAt, #error, #result";
      condition += " OR #status = :failed";
    } else {
      update += ", startedAt = if_not_exists(startedAt, :now)";
    }
    Optional<UpdateItemResponse> response =
        update(start.id(), update, condition, values, ReturnValue.ALL_NEW);
    return response.map(r -> toRecord(r.attributes()));
  }

  @Override
  public boolean succeed(String id, JsonNode result, Instant finishedAt) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":running", s(JobStatus.RUNNING.name()));
    values.put(":succeeded", s(JobStatus.SUCCEEDED.name()));
    values.put(":result", s(JobJson.MAPPER.writeValueAsString(result)));
    values.put(":now", s(finishedAt.toString()));
    return update(
            id,
            "SET #status = :succeeded, #result = :result, finishedAt = :now",
            "#status = :running",
            values,
            ReturnValue.NONE)
        .isPresent();
  }

  @Override
  public boolean fail(JobFailure failure) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":running", s(JobStatus.RUNNING.name()));
    values.put(":failed", s(JobStatus.FAILED.name()));
    values.put(":error", s(JobJson.MAPPER.writeValueAsString(failure.error())));
    values.put(":now", s(failure.finishedAt().toString()));
    values.put(":expiresAt", n(failure.expiresAt()));
    values.put(":type", s(failure.type()));
    values.put(":zero", n(0));
    String update =
        "SET #status = :failed, #error = :error, finishedAt = :now, expiresAt = :expiresAt,"
            + " #type = if_not_exists(#type, :type), attempts = if_not_exists(attempts, :zero)";
    if (failure.parameters() != null) {
      values.put(":parameters", s(JobJson.MAPPER.writeValueAsString(failure.parameters())));
      update += ", #parameters = if_not_exists(#parameters, :parameters)";
    }
    return update(
            failure.id(),
            update,
            "attribute_not_exists(id) OR #status = :running",
            values,
            ReturnValue.NONE)
        .isPresent();
  }

  private Optional<UpdateItemResponse> update(
      String id,
      String update,
      String condition,
      Map<String, AttributeValue> values,
      ReturnValue returnValue) {
    Map<String, String> names = new HashMap<>();
    NAMES.forEach(
        (alias, name) -> {
          if (update.contains(alias) || condition.contains(alias)) {
            names.put(alias, name);
          }
        });
    UpdateItemRequest request =
        UpdateItemRequest.builder()
            .tableName(table)
            .key(key(id))
            .updateExpression(update)
            .conditionExpression(condition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .returnValues(returnValue)
            .build();
    try {
      return Optional.of(dynamo.updateItem(request));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new JobStoreException("could not write job " + id + " to table " + table, e);
    }
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", s(id));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static JobRecord toRecord(Map<String, AttributeValue> item) {
    return new JobRecord(
        item.get("id").s(),
        JobStatus.valueOf(item.get("status").s()),
        string(item, "type"),
        (ObjectNode) json(item, "parameters"),
        json(item, "result"),
        item.containsKey("error")
            ? JobJson.MAPPER.readValue(item.get("error").s(), JobError.class)
            : null,
        item.containsKey("attempts") ? Integer.parseInt(item.get("attempts").n()) : 0,
        instant(item, "startedAt"),
        instant(item, "finishedAt"),
        item.containsKey("expiresAt") ? Long.parseLong(item.get("expiresAt").n()) : 0);
  }

  private static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static JsonNode json(Map<String, AttributeValue> item, String name) {
    String text = string(item, name);
    return text == null ? null : JobJson.MAPPER.readTree(text);
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    String text = string(item, name);
    return text == null ? null : Instant.parse(text);
  }
}
