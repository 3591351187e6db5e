package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobs.backend.list.JobList;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The list function behind {@code GET /jobs}: API Gateway's Lambda proxy event in, the proxy
 * response out. A function rather than a mapping template because a page merges several index
 * partitions (days x shards) and decodes a token, and a template cannot loop over queries.
 */
public class ListJobsHandler extends BackendHandler {
  private final JobList list;

  /**
   * Lambda's constructor: wired from the environment, once per container, and primed before
   * SnapStart's snapshot.
   */
  public ListJobsHandler() {
    this(Backend.fromEnvironment().list(), true);
    SnapStartHooks.register(this);
  }

  /** Without priming: for a runtime that takes no snapshot. */
  public ListJobsHandler(JobList list) {
    this(list, false);
  }

  /**
   * Primes the whole request path by answering {@link Priming#LIST_EVENT}, a page of a day no job
   * has: it reads only the list index's partitions of that day.
   */
  ListJobsHandler(JobList list, boolean primes) {
    super(primes, Priming.LIST_EVENT, 200, "list");
    this.list = list;
  }

  @Override
  JsonNode handle(JsonNode event, Context context) {
    return proxyResponse(context, "listing jobs", () -> list.answer(queryParameters(event)));
  }

  /** {@code queryStringParameters}: null when the request has none, values already decoded. */
  static Map<String, String> queryParameters(JsonNode event) {
    Map<String, String> parameters = new HashMap<>();
    JsonNode query = event == null ? null : event.get("queryStringParameters");
    if (query != null && query.isObject()) {
      query
          .properties()
          .forEach(
              entry -> {
                if (entry.getValue().isString()) {
                  parameters.put(entry.getKey(), entry.getValue().asString());
                }
              });
    }
    return parameters;
  }
}
