package dev.jobs.backend.handler;

import dev.jobs.backend.job.JobError;
import tools.jackson.databind.JsonNode;

/**
 * Lambda's on-failure destination record for an asynchronous invocation. {@code responsePayload} is
 * missing when the function never answered (the event expired, or the runtime crashed).
 */
public record DestinationRecord(
    String requestId,
    String functionArn,
    String condition,
    int approximateInvokeCount,
    JsonNode requestPayload,
    String functionError,
    String errorType,
    String errorMessage) {

  public static DestinationRecord from(JsonNode record) {
    if (record == null || !record.has("requestContext") || !record.has("requestPayload")) {
      throw new IllegalArgumentException(
          "not a Lambda destination record: requestContext and requestPayload are required");
    }
    JsonNode context = record.get("requestContext");
    JsonNode response = record.path("responsePayload");
    return new DestinationRecord(
        text(context, "requestId"),
        text(context, "functionArn"),
        text(context, "condition"),
        context.path("approximateInvokeCount").asInt(0),
        record.get("requestPayload"),
        text(record.path("responseContext"), "functionError"),
        text(response, "errorType"),
        text(response, "errorMessage"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  /** The job's error as recorded: what the function said, or what the condition means. */
  public JobError toJobError() {
    String type = errorType != null ? errorType : defaultType();
    String message = errorMessage != null ? errorMessage : defaultMessage();
    return new JobError(type, message, condition);
  }

  private String defaultType() {
    if (functionError != null) {
      return functionError;
    }
    return "EventAgeExceeded".equals(condition) ? "EventAgeExceeded" : "UnknownError";
  }

  private String defaultMessage() {
    if ("EventAgeExceeded".equals(condition)) {
      return "the job waited longer than the function's maximum event age and was not run";
    }
    if ("RetriesExhausted".equals(condition)) {
      return "the job failed on all "
          + approximateInvokeCount
          + " attempts; the function gave no error message";
    }
    return "the job failed (" + condition + ")";
  }
}
