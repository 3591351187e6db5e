package dev.jobs.backend.store;

import dev.jobs.backend.job.JobStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One {@code UpdateItem}'s update expression and the values its placeholders (and its condition's)
 * stand for, written clause by clause. A status change sets the status and the list index's keys in
 * one step ({@link #movedTo}), so that no transition moves a job without moving its place in the
 * list; each status has one placeholder ({@code :running}, {@code :failed}...) wherever it is used.
 */
final class ItemUpdate {
  private final StringJoiner set = new StringJoiner(", ", "SET ", "");
  private final StringJoiner remove = new StringJoiner(", ", " REMOVE ", "").setEmptyValue("");
  private final Map<String, AttributeValue> values = new HashMap<>();

  /** Adds a clause to {@code SET}, whose placeholders take their values elsewhere. */
  ItemUpdate set(String clause) {
    set.add(clause);
    return this;
  }

  /** Sets {@code attribute = placeholder}, the placeholder standing for {@code value}. */
  ItemUpdate set(String attribute, String placeholder, AttributeValue value) {
    return set(attribute + " = " + placeholder).value(placeholder, value);
  }

  /** Gives a placeholder of a clause or of the write's condition its value. */
  ItemUpdate value(String placeholder, AttributeValue value) {
    values.put(placeholder, value);
    return this;
  }

  /** Gives a status the condition compares with its placeholder, {@link #placeholder}. */
  ItemUpdate status(JobStatus status) {
    return value(placeholder(status), AttributeValue.fromS(status.name()));
  }

  /** Moves the job to {@code status} at {@code at}: the status, and its place in the list. */
  ItemUpdate movedTo(JobStatus status, String id, Instant at) {
    return status(status).set("#status = " + placeholder(status)).listed(status, id, at);
  }

  /** Writes the job's place in the list among the jobs of {@code status} at {@code at}. */
  ItemUpdate listed(JobStatus status, String id, Instant at) {
    return listPlace(status, id, at).set("listKey = :listKey").set("listAt = :listAt");
  }

  /**
   * The values {@code :listKey} and {@code :listAt} of the job's place in the list at {@code at},
   * for a clause that writes them only on a condition of its own.
   */
  ItemUpdate listPlace(JobStatus status, String id, Instant at) {
    return value(":listKey", AttributeValue.fromS(DynamoDbJobStore.listKey(status, id, at)))
        .value(":listAt", AttributeValue.fromS(DynamoDbJobStore.listAt(id, at)));
  }

  /** Removes these attributes. */
  ItemUpdate remove(String... attributes) {
    for (String attribute : attributes) {
      remove.add(attribute);
    }
    return this;
  }

  String expression() {
    return set.toString() + remove;
  }

  Map<String, AttributeValue> values() {
    return values;
  }

  /** A status's placeholder: its name in lower case after a colon. */
  static String placeholder(JobStatus status) {
    return ":" + status.name().toLowerCase(Locale.ROOT);
  }
}
