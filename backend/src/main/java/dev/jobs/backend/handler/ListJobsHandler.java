package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.list.JobList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  ListJobsHandler(JobList list, boolean primes) {
    super(primes ? () -> prime(list) : SnapStartHooks.NONE);
    this.list = list;
  }

  /**
   * Primes the whole request path by answering {@link Priming#LIST_EVENT}, a page of a day no job
   * has: it reads only the list index's partitions of that day.
   */
  private static void prime(JobList list) {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    try {
      new ListJobsHandler(list)
          .handleRequest(
              new ByteArrayInputStream(Priming.LIST_EVENT.getBytes(StandardCharsets.UTF_8)),
              answer,
              null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode response = JobJson.MAPPER.readTree(answer.toByteArray());
    if (response.path("statusCode").asInt() != 200) {
      throw new IllegalStateException("the list answered " + response);
    }
  }

  @Override
  JsonNode handle(JsonNode event, Context context) {
    JobList.Answer answer;
    try {
      answer = list.answer(queryParameters(event));
    } catch (RuntimeException e) {
      return ProxyResponse.internalError(context, "listing jobs", e);
    }
    return ProxyResponse.of(answer.statusCode(), answer.body());
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
