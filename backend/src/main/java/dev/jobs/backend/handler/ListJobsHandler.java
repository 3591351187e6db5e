package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.list.JobList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The list function behind {@code GET /jobs}: API Gateway's Lambda proxy event in, the proxy
 * response out. A function rather than a mapping template because a page merges several index
 * partitions (days x shards) and decodes a token, and a template cannot loop over queries.
 */
public class ListJobsHandler extends BackendHandler {
  static final String INTERNAL_ERROR = "{\"message\":\"Internal server error\"}";

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
      // The caller learns nothing of the cause; the function's log keeps it.
      log(context, e);
      answer = new JobList.Answer(500, INTERNAL_ERROR);
    }
    ObjectNode response = JobJson.MAPPER.createObjectNode();
    response.put("statusCode", answer.statusCode());
    response.putObject("headers").put("Content-Type", "application/json");
    response.put("body", answer.body());
    return response;
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

  private static void log(Context context, RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    LambdaLogger logger = context == null ? null : context.getLogger();
    if (logger != null) {
      logger.log("listing jobs failed: " + trace);
    } else {
      System.err.println("listing jobs failed: " + trace);
    }
  }
}
