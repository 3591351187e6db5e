package dev.jobs.local.protocol;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.auth.AuthFailure;
import dev.jobs.local.auth.Caller;
import dev.jobs.local.auth.SignatureVerifier;
import dev.jobs.local.server.HttpCall;
import java.io.IOException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS's JSON 1.1 protocol (EventBridge): the operation in {@code X-Amz-Target}, a JSON document in
 * and out. The signature is verified, the document parsed and the operation dispatched here, for
 * every service of the protocol; errors are answered as {@code {"__type": CODE, "message": ...}}.
 */
public final class JsonProtocol {
  /**
   * How inputs are read: numbers with a fraction as decimals, so that a timestamp such as {@code
   * 1765045000.9999999} keeps its digits (a double would round it to the next second).
   */
  public static final ObjectReader INPUT =
      JobJson.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  /** AWS's code for an operation nobody serves. */
  static final String UNKNOWN_OPERATION = "UnknownOperationException";

  /**
   * A service of the protocol.
   *
   * @param signingName the service its requests are signed for, such as {@code events}
   * @param targetPrefix what its operations' {@code X-Amz-Target} starts with, such as {@code
   *     AWSEvents.}
   * @param access who may call which operation, checked before the operation is looked up
   * @param operations what it does, by operation name
   */
  public record Service(
      String signingName, String targetPrefix, Access access, Map<String, Operation> operations) {}

  /** One operation of a service. */
  @FunctionalInterface
  public interface Operation {
    /**
     * The operation's output.
     *
     * @throws AwsError when the service refuses the request
     */
    ObjectNode call(JsonNode input);
  }

  /** Who may call an operation. */
  @FunctionalInterface
  public interface Access {
    /**
     * @throws AwsError when the caller may not
     */
    void check(Caller caller, String operation);
  }

  private JsonProtocol() {}

  /** Verifies, parses and dispatches one call to {@code service}, and answers it. */
  static void handle(HttpCall call, SignatureVerifier verifier, Service service)
      throws IOException {
    String name = call.header("x-amz-target").substring(service.targetPrefix().length());
    Caller caller;
    try {
      caller = verifier.verify(call.request(), service.signingName());
    } catch (AuthFailure failure) {
      boolean missing = failure.code().equals("MissingAuthenticationToken");
      error(
          call,
          missing ? 403 : 400,
          missing ? "MissingAuthenticationTokenException" : failure.code(),
          failure.getMessage());
      return;
    }
    try {
      JsonNode input =
          call.body().length == 0 ? JobJson.MAPPER.createObjectNode() : INPUT.readTree(call.body());
      service.access().check(caller, name);
      Operation operation = service.operations().get(name);
      if (operation == null) {
        throw new AwsError(UNKNOWN_OPERATION, null);
      }
      call.respond(200, CONTENT_TYPE, JobJson.MAPPER.writeValueAsString(operation.call(input)));
    } catch (AwsError e) {
      error(call, e.status(), e.code(), e.getMessage());
    } catch (JacksonException e) {
      error(
          call,
          400,
          "SerializationException",
          "Start of structure or map found where not expected.");
    }
  }

  /** The protocol's error shape, with its code in {@code x-amzn-ErrorType} too. */
  static void error(HttpCall call, int status, String code, String message) throws IOException {
    ObjectNode body = JobJson.MAPPER.createObjectNode().put("__type", code);
    if (message != null) {
      body.put("message", message);
    }
    call.respond(
        status,
        CONTENT_TYPE,
        JobJson.MAPPER.writeValueAsString(body),
        Map.of("x-amzn-ErrorType", code));
  }
}
