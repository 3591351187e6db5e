package dev.jobs.backend.events;

import dev.jobs.backend.aws.FunctionEnvironment;
import dev.jobs.backend.job.JobJson;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import tools.jackson.databind.JsonNode;

/** The failed-jobs bus on EventBridge: one {@code PutEvents} entry per failure. */
public record EventBridgeFailureBus(EventBridgeClient events, String busName)
    implements FailureBus {

  /**
   * The Lambda wiring: bus from {@code EVENT_BUS_NAME}, region from {@code AWS_REGION}, credentials
   * from the environment Lambda sets, the url-connection HTTP client, and an endpoint override from
   * {@code EVENTBRIDGE_ENDPOINT} when set (tests).
   */
  public static EventBridgeFailureBus fromEnvironment(Map<String, String> env) {
    FunctionEnvironment function = new FunctionEnvironment(env);
    String bus =
        function.required("EVENT_BUS_NAME", "the error handler needs the failed-jobs bus's name");
    return new EventBridgeFailureBus(
        function.client(
            EventBridgeClient.builder(),
            EnvironmentVariableCredentialsProvider.create(),
            "EVENTBRIDGE_ENDPOINT"),
        bus);
  }

  @Override
  public void put(JsonNode destinationRecord) {
    PutEventsResponse response;
    try {
      response =
          events.putEvents(
              r ->
                  r.entries(
                      e ->
                          e.eventBusName(busName)
                              .source(SOURCE)
                              .detailType(DETAIL_TYPE)
                              .detail(JobJson.MAPPER.writeValueAsString(destinationRecord))));
    } catch (SdkException e) {
      throw new FailureBusException("could not put the failure on bus " + busName, e);
    }
    // PutEvents answers 200 even when it refused the entry: the entry's error says so.
    if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
      PutEventsResultEntry entry = response.entries().isEmpty() ? null : response.entries().get(0);
      throw new FailureBusException(
          "bus "
              + busName
              + " refused the failure: "
              + (entry == null
                  ? "no reason given"
                  : entry.errorCode() + " " + entry.errorMessage()),
          null);
    }
  }
}
