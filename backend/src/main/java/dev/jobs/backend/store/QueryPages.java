package dev.jobs.backend.store;

import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A DynamoDB query read page after page: a response stops at 1 MB or at its {@code Limit}, so a
 * reader follows {@code LastEvaluatedKey} until the table has no more or the reader has enough.
 */
final class QueryPages {
  private QueryPages() {}

  /**
   * Hands every item the query finds to {@code item}, in the query's order, until it answers false
   * or the query ends.
   *
   * @param page the request of the next page, built again for each page (so that its {@code Limit}
   *     may follow what the reader still needs); the start key is set here
   */
  static void read(
      DynamoDbClient dynamo,
      Supplier<QueryRequest.Builder> page,
      Predicate<Map<String, AttributeValue>> item) {
    Map<String, AttributeValue> startKey = null;
    do {
      QueryRequest.Builder request = page.get();
      if (startKey != null) {
        request.exclusiveStartKey(startKey);
      }
      QueryResponse response = dynamo.query(request.build());
      for (Map<String, AttributeValue> each : response.items()) {
        if (!item.test(each)) {
          return;
        }
      }
      startKey = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (startKey != null && !startKey.isEmpty());
  }
}
