package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.jobs.backend.job.JobJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the API's Lambda proxy functions answer API Gateway: a status, a JSON body. */
final class ProxyResponse {
  static final String INTERNAL_ERROR = "{\"message\":\"Internal server error\"}";

  private ProxyResponse() {}

  static JsonNode of(int statusCode, String body) {
    ObjectNode response = JobJson.MAPPER.createObjectNode();
    response.put("statusCode", statusCode);
    response.putObject("headers").put("Content-Type", "application/json");
    response.put("body", body);
    return response;
  }

  /**
   * The 500 for a failure the caller learns nothing of; the function's log keeps its trace.
   *
   * @param what what failed, such as {@code listing jobs}
   */
  static JsonNode internalError(Context context, String what, RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    LambdaLogger logger = context == null ? null : context.getLogger();
    if (logger != null) {
      logger.log(what + " failed: " + trace);
    } else {
      System.err.println(what + " failed: " + trace);
    }
    return of(500, INTERNAL_ERROR);
  }
}
