package dev.jobs.local;

import dev.jobs.local.lambda.FunctionConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How a local runtime runs.
 *
 * @param port 0 for any free port
 * @param grace how long a stop lets running attempts finish
 * @param kindJars jars of the user's own job kinds, served beside the built-in ones
 */
public record RuntimeOptions(
    Path dataDir,
    int port,
    String region,
    String accessKeyId,
    String secretAccessKey,
    String stackName,
    FunctionConfig processing,
    FunctionConfig errorHandler,
    Duration grace,
    Clock clock,
    List<Path> kindJars) {
  public static final int DEFAULT_PORT = 4599;
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_KEY = "test";

  /**
   * The deployed stack's defaults: the processing function with a 15-minute timeout, 100 reserved
   * concurrency, no retry and a six-hour maximum event age; the error handler with a 60-second
   * timeout and Lambda's 2 retries. Retries wait about a minute, then two, as on AWS.
   */
  public static RuntimeOptions defaults(Path dataDir, int port) {
    return new RuntimeOptions(
        dataDir,
        port,
        DEFAULT_REGION,
        DEFAULT_KEY,
        DEFAULT_KEY,
        LocalStack.DEFAULT_STACK_NAME,
        new FunctionConfig(
            "ProcessJob",
            Duration.ofMinutes(15),
            10,
            2,
            Duration.ofHours(6),
            Duration.ofMinutes(1)),
        new FunctionConfig(
            "FailedJob", Duration.ofSeconds(60), 10, 2, Duration.ofHours(6), Duration.ofMinutes(1)),
        Duration.ofSeconds(10),
        Clock.systemUTC(),
        List.of());
  }

  public RuntimeOptions withProcessing(FunctionConfig config) {
    return new RuntimeOptions(
        dataDir,
        port,
        region,
        accessKeyId,
        secretAccessKey,
        stackName,
        config,
        errorHandler,
        grace,
        clock,
        kindJars);
  }

  public RuntimeOptions withErrorHandler(FunctionConfig config) {
    return new RuntimeOptions(
        dataDir,
        port,
        region,
        accessKeyId,
        secretAccessKey,
        stackName,
        processing,
        config,
        grace,
        clock,
        kindJars);
  }

  public RuntimeOptions withGrace(Duration value) {
    return new RuntimeOptions(
        dataDir,
        port,
        region,
        accessKeyId,
        secretAccessKey,
        stackName,
        processing,
        errorHandler,
        value,
        clock,
        kindJars);
  }

  public RuntimeOptions withCredentials(String keyId, String secret) {
    return new RuntimeOptions(
        dataDir,
        port,
        region,
        keyId,
        secret,
        stackName,
        processing,
        errorHandler,
        grace,
        clock,
        kindJars);
  }

  public RuntimeOptions withKindJars(List<Path> jars) {
    return new RuntimeOptions(
        dataDir,
        port,
        region,
        accessKeyId,
        secretAccessKey,
        stackName,
        processing,
        errorHandler,
        grace,
        clock,
        List.copyOf(jars));
  }
}
