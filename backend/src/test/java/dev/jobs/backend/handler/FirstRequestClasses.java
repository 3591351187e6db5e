package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.jobs.backend.bench.StubDynamoDb;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.testing.FakeLambdaContext;
import dev.jobs.backend.testing.HandlerCalls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes, at build time, the classes each SnapStart handler's first request loads, which its hooks
 * load before the snapshot (see {@link SnapStartHooks#preload}). For each handler, a fresh JVM
 * built through the Lambda constructor, without priming, handles one request against WireMock
 * standing in for DynamoDB, with the JVM logging every class it loads; the classes loaded up to the
 * request's end, less the build's own and the JVM's generated ones, are the list. Those loaded
 * before the request count too: the verifier loads classes the code names without initializing
 * them, and preloading initializes the SDK's among them. Run by the build ({@code
 * process-test-classes}), so the list follows the code and the SDK.
 *
 * <p>Arguments: the directory to write the lists into.
 */
public final class FirstRequestClasses {
  private static final String END = "FIRST-REQUEST-END";

  /** The first request of each handler the stack gives SnapStart. */
  private static final Map<Class<? extends RequestStreamHandler>, String> FIRST_REQUESTS =
      Map.of(
          ProcessJobHandler.class,
          "{\"id\":\"first-request\",\"parameters\":{\"type\":\"sleep\",\"seconds\":1}}",
          ListJobsHandler.class,
          "{\"httpMethod\":\"GET\",\"path\":\"/jobs\",\"queryStringParameters\":null}",
          // The cancel and queue functions can prime only up to their one write (a write would
          // change a job), so their lists are what loads the SDK's UpdateItem path before the
          // snapshot.
          CancelJobHandler.class,
          "{\"httpMethod\":\"POST\",\"resource\":\"/jobs/{jobId}/cancel\","
              + "\"path\":\"/jobs/first-request/cancel\","
              + "\"pathParameters\":{\"jobId\":\"first-request\"},\"body\":null}",
          QueueJobHandler.class,
          "{\"httpMethod\":\"PUT\",\"resource\":\"/jobs/{jobId}\",\"path\":\"/jobs/first-request\","
              + "\"headers\":{\"Content-Type\":\"application/json\"},"
              + "\"pathParameters\":{\"jobId\":\"first-request\"},"
              + "\"body\":\"{\\\"type\\\":\\\"sleep\\\",\\\"seconds\\\":1}\",\"isBase64Encoded\":false}");

  private FirstRequestClasses() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--request")) {
      firstRequest(args[1]);
      return;
    }
    Path directory = Path.of(args[0]).resolve(SnapStartHooks.PRELOAD_DIRECTORY);
    WireMockServer dynamoDb = StubDynamoDb.start();
    try {
      Files.createDirectories(directory);
      for (Class<? extends RequestStreamHandler> handler : FIRST_REQUESTS.keySet()) {
        List<String> classes = classesOfFirstRequest(handler, dynamoDb.baseUrl());
        Path list = directory.resolve(handler.getSimpleName() + ".classes");
        Files.write(list, classes, StandardCharsets.UTF_8);
        System.out.printf("%s: %d classes%n", list, classes.size());
      }
    } finally {
      dynamoDb.stop();
    }
  }

  private static List<String> classesOfFirstRequest(
      Class<? extends RequestStreamHandler> handler, String endpoint)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xlog:class+load=info:stdout",
            "-cp",
            System.getProperty("java.class.path"),
            FirstRequestClasses.class.getName(),
            "--request",
            handler.getName());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("JAVA_TOOL_OPTIONS"));
    env.put("TABLE_NAME", "jobs");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "first-request");
    env.put("AWS_SECRET_ACCESS_KEY", "first-request");
    env.put("DYNAMODB_ENDPOINT", endpoint);
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process process = builder.start();
    Set<String> classes = new LinkedHashSet<>();
    boolean ended = false;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals(END)) {
          ended = true;
        } else if (!ended) {
          String name = loadedClass(line);
          if (name != null) {
            classes.add(name);
          }
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || !ended) {
      throw new IllegalStateException(
          "the first request of " + handler.getSimpleName() + " failed (exit " + exit + ")");
    }
    return new ArrayList<>(classes);
  }

  /**
   * The class a {@code class+load} line names, or null for one the list leaves out: the JVM's
   * generated classes (lambdas, proxies, reflection accessors), which no name loads, and the
   * build's test classes, which the function does not have.
   */
  static String loadedClass(String line) {
    int start = line.indexOf("] ");
    int source = line.indexOf(" source: ");
    if (!line.contains("[class,load]") || start < 0 || source < start) {
      return null;
    }
    String name = line.substring(start + 2, source).trim();
    String from = line.substring(source + " source: ".length());
    boolean generated =
        name.contains("/")
            || name.contains("$$Lambda")
            || name.startsWith("jdk.proxy")
            || name.contains("$Proxy")
            || name.startsWith("jdk.internal.reflect.Generated");
    boolean testClass = from.contains("test-classes");
    return generated || testClass ? null : name;
  }

  /** The child: the handler as Lambda builds it, and its first request, then the end marker. */
  private static void firstRequest(String handlerClass) throws Exception {
    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(handlerClass).getConstructor().newInstance();
    String answer =
        HandlerCalls.answer(
            handler, FIRST_REQUESTS.get(handler.getClass()), FakeLambdaContext.of(900_000));
    if (JobJson.MAPPER.readTree(answer).path("statusCode").asInt() >= 500) {
      // A list of a failed request's classes would leave the real path out.
      throw new IllegalStateException(handler.getClass().getSimpleName() + " answered " + answer);
    }
    System.out.flush();
    System.out.println(END);
    System.out.flush();
    System.err.println(handler.getClass().getSimpleName() + " answered " + answer);
  }
}
