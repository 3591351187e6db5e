package dev.jobs.local;

import dev.jobs.backend.settings.StackSettings;
import dev.jobs.local.events.ReplayPace;
import dev.jobs.local.lambda.FunctionConfig;
import dev.jobs.local.stack.LocalStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

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

  public RuntimeOptions {
    kindJars = List.copyOf(kindJars);
  }

  /**
   * The deployed stack's defaults ({@link StackSettings}): the processing function with a 15-minute
   * timeout, no retry and a six-hour maximum event age, {@link #DEFAULT_CONCURRENCY} at once; the
   * error handler with a 60-second timeout and Lambda's 2 retries. Retries wait about a minute,
   * then two, as on AWS.
   */
  public static RuntimeOptions defaults(Path dataDir, int port) {
    return builder(dataDir, port).build();
  }

  /** Options that start as {@link #defaults}, changed one by one. */
  public static Builder builder(Path dataDir, int port) {
    return new Builder(dataDir, port);
  }

  /** Builds {@link RuntimeOptions}: the defaults, with what is set in their place. */
  public static final class Builder {
    private final Path dataDir;
    private final int port;
    private String accessKeyId = DEFAULT_KEY;
    private String secretAccessKey = DEFAULT_KEY;
    private FunctionConfig processing =
        new FunctionConfig(
            "ProcessJob",
            Duration.ofSeconds(StackSettings.PROCESSING_TIMEOUT_SECONDS.defaultValue()),
            DEFAULT_CONCURRENCY,
            StackSettings.PROCESSING_RETRY_ATTEMPTS.defaultValue(),
            Duration.ofSeconds(StackSettings.PROCESSING_MAX_EVENT_AGE_SECONDS.defaultValue()),
            Duration.ofMinutes(1));
    private FunctionConfig errorHandler =
        new FunctionConfig(
            "FailedJob", Duration.ofSeconds(60), 10, 2, Duration.ofHours(6), Duration.ofMinutes(1));
    private Duration grace = Duration.ofSeconds(10);
    private ReplayPace replayPace = ReplayPace.FAST;
    private Clock clock = Clock.systemUTC();
    private List<Path> kindJars = List.of();

    private Builder(Path dataDir, int port) {
      this.dataDir = dataDir;
      this.port = port;
    }

    /** The processing function's settings, changed from the current ones. */
    public Builder processing(UnaryOperator<FunctionConfig> change) {
      this.processing = change.apply(processing);
      return this;
    }

    /** The error handler's settings, changed from the current ones. */
    public Builder errorHandler(UnaryOperator<FunctionConfig> change) {
      this.errorHandler = change.apply(errorHandler);
      return this;
    }

    public Builder grace(Duration value) {
      this.grace = value;
      return this;
    }

    /** The operator's key pair, which signs for the whole account. */
    public Builder credentials(String keyId, String secret) {
      this.accessKeyId = keyId;
      this.secretAccessKey = secret;
      return this;
    }

    public Builder replayPace(ReplayPace value) {
      this.replayPace = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    public Builder kindJars(List<Path> jars) {
      this.kindJars = jars;
      return this;
    }

    public RuntimeOptions build() {
      return new RuntimeOptions(
          dataDir,
          port,
          DEFAULT_REGION,
          accessKeyId,
          secretAccessKey,
          LocalStack.DEFAULT_STACK_NAME,
          processing,
          errorHandler,
          grace,
          replayPace,
          clock,
          kindJars);
    }
  }
}
