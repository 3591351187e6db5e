package dev.jobs.local;

import dev.jobs.backend.settings.StackSettings;
import dev.jobs.local.events.ReplayPace;
import dev.jobs.local.lambda.FunctionConfig;
import dev.jobs.local.stack.LocalStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How a local runtime runs.
 *
 * @param port 0 for any free port
 * @param grace how long a stop lets running attempts finish
 * @param replayPace how fast replays go: {@link ReplayPace#FAST} by default, or as on AWS
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
    ReplayPace replayPace,
    Clock clock,
    List<Path> kindJars) {
  public static final int DEFAULT_PORT = 4599;
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_KEY = "test";

  /**
   * How many jobs run at once. The deployed stack reserves no concurrency by default, so there the
   * account's unreserved concurrency bounds it; locally it is the number of workers.
   */
  public static final int DEFAULT_CONCURRENCY = 100;

  /**
   * The deployed stack's defaults ({@link StackSettings}): the processing function with a 15-minute
   * timeout, no retry and a six-hour maximum event age, {@link #DEFAULT_CONCURRENCY} at once; the
   * error handler with a 60-second timeout and Lambda's 2 retries. Retries wait about a minute,
   * then two, as on AWS.
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
            Duration.ofSeconds(StackSettings.PROCESSING_TIMEOUT_SECONDS.defaultValue()),
            DEFAULT_CONCURRENCY,
            StackSettings.PROCESSING_RETRY_ATTEMPTS.defaultValue(),
            Duration.ofSeconds(StackSettings.PROCESSING_MAX_EVENT_AGE_SECONDS.defaultValue()),
            Duration.ofMinutes(1)),
        new FunctionConfig(
            "FailedJob", Duration.ofSeconds(60), 10, 2, Duration.ofHours(6), Duration.ofMinutes(1)),
        Duration.ofSeconds(10),
        ReplayPace.FAST,
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
        replayPace,
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
        replayPace,
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
        replayPace,
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
        replayPace,
        clock,
        kindJars);
  }

  public RuntimeOptions withReplayPace(ReplayPace value) {
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
        value,
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
        replayPace,
        clock,
        List.copyOf(jars));
  }
}
