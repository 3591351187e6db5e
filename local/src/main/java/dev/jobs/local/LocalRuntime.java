package dev.jobs.local;

import dev.jobs.backend.handler.Backend;
import dev.jobs.backend.handler.FailedJobHandler;
import dev.jobs.backend.handler.ProcessJobHandler;
import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.stats.JobStatistics;
import dev.jobs.backend.store.DaemonThreads;
import dev.jobs.backend.store.JobStore;
import dev.jobs.local.apigateway.ApiGatewayStage;
import dev.jobs.local.auth.OperatorKey;
import dev.jobs.local.auth.SignatureVerifier;
import dev.jobs.local.cloudformation.CloudFormationApi;
import dev.jobs.local.cloudwatchlogs.CloudWatchLogsApi;
import dev.jobs.local.cloudwatchlogs.LogGroups;
import dev.jobs.local.events.EventBridgeApi;
import dev.jobs.local.events.EventBus;
import dev.jobs.local.events.ReplayRunner;
import dev.jobs.local.lambda.FencedJobStore;
import dev.jobs.local.lambda.FunctionConfig;
import dev.jobs.local.lambda.LocalFunction;
import dev.jobs.local.lambda.QualifiedArn;
import dev.jobs.local.lambda.Qualifier;
import dev.jobs.local.log.RuntimeLog;
import dev.jobs.local.protocol.AwsEndpoint;
import dev.jobs.local.server.LocalServer;
import dev.jobs.local.stack.LocalStack;
import dev.jobs.local.store.ArchiveStore;
import dev.jobs.local.store.CredentialStore;
import dev.jobs.local.store.Database;
import dev.jobs.local.store.InvocationStore;
import dev.jobs.local.store.LogStore;
import dev.jobs.local.store.ReplayStore;
import dev.jobs.local.store.SqliteJobStatistics;
import dev.jobs.local.store.SqliteJobStore;
import dev.jobs.local.sts.StsApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The whole architecture in one process: the jobs API (API Gateway), the processing and
 * error-handling functions (asynchronous Lambda, running the backend's own handler classes), the
 * job table, the failed-jobs bus with its archive and replay rule, the functions' log groups, and
 * the AWS APIs that reach them.
 */
public final class LocalRuntime implements AutoCloseable {
  private final RuntimeOptions options;
  private final DataDirLock lock;
  private final Database database;
  private final LocalServer server;
  private final LocalStack stack;
  private final InvocationStore invocations;
  private final LocalFunction processing;
  private final LocalFunction errorHandler;
  private final ArchiveStore archive;
  private final ReplayRunner replays;
  private final JobKinds kinds;
  private final LogGroups logs;
  private final ScheduledExecutorService logRetention;
  private volatile boolean stopped;
  private final CountDownLatch shutDown = new CountDownLatch(1);

  private LocalRuntime(RuntimeOptions options, UnaryOperator<JobStore> table) throws IOException {
    this.options = options;
    // First: a kind jar that cannot be served stops the start before anything is opened.
    this.kinds = KindJars.load(options.kindJars());
    this.lock = DataDirLock.acquire(options.dataDir());
    this.database = Database.open(options.dataDir());
    try {
      this.server = LocalServer.bind(options.port());
    } catch (IOException e) {
      database.close();
      lock.close();
      throw e;
    }
    this.stack =
        new LocalStack(options.stackName(), options.region(), "http://127.0.0.1:" + server.port());
    this.invocations = new InvocationStore(database);
    this.archive = new ArchiveStore(database);
    Instant created = Instant.ofEpochMilli(options.clock().millis());
    // The job log lines are kept as long as the jobs.
    this.logs =
        new LogGroups(
            stack, new LogStore(database), options.clock(), Backend.DEFAULT_RETENTION, created);
    this.logRetention =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("log-retention"));
    logRetention.scheduleWithFixedDelay(this::purgeExpiredLogs, 0, 1, TimeUnit.HOURS);
    // The deployed stack invokes the processing function's alias (API, replay rule, retries, the
    // dispatcher of queued jobs).
    this.processing =
        function(
            options.processing(),
            stack.processFunctionName(),
            Qualifier.alias(LocalStack.PROCESSING_ALIAS));
    // A queued job's invocation is written with its record (the table's stream and dispatcher).
    JobStore jobs =
        table.apply(
            new SqliteJobStore(
                database, new SqliteJobStore.QueuedJobs(processing.name(), processing::accept)));
    Backend backend =
        Backend.create(
            new FencedJobStore(jobs),
            kinds,
            options.clock(),
            Backend.DEFAULT_RETENTION,
            logs.sink(
                stack.processingLogGroupName(),
                Qualifier.alias(LocalStack.PROCESSING_ALIAS).version()),
            logs.sink(stack.failedJobsLogGroupName(), Qualifier.LATEST.version()));
    EventBus bus = new EventBus(stack, archive, processing, options.clock());
    this.errorHandler =
        function(options.errorHandler(), stack.failedFunctionName(), Qualifier.LATEST);
    processing.onFailure(errorHandler.asDestination());
    errorHandler.onFailure(bus.destinationFor(errorHandler.qualifiedArn()));
    this.replays =
        new ReplayRunner(new ReplayStore(database), bus, options.replayPace(), options.clock());
    CredentialStore credentials = new CredentialStore(database);
    SignatureVerifier verifier =
        new SignatureVerifier(
            new OperatorKey(options.accessKeyId(), options.secretAccessKey()),
            credentials,
            options.region(),
            options.clock());
    processing.start(new ProcessJobHandler(backend.processor()));
    errorHandler.start(new FailedJobHandler(backend.failures(), bus.failures()));
    replays.resumeInterrupted();
    // STS first: it answers a query signed for a service none of them is, as AWS's endpoint does.
    server.serve(
        new AwsEndpoint(
            verifier,
            new ApiGatewayStage(
                verifier,
                stack,
                kinds.names(),
                new ApiGatewayStage.Integrations(
                    processing,
                    jobs,
                    backend.list(),
                    backend.cancel(),
                    backend.queue(),
                    new JobStatistics(new SqliteJobStatistics(database), options.clock()))),
            List.of(
                new EventBridgeApi(bus, replays, created).service(),
                new CloudWatchLogsApi(logs).service()),
            List.of(
                new StsApi(credentials, stack, options.clock()).service(),
                new CloudFormationApi(stack, stack.outputs(bus.arn()), created).service())));
  }

  /** Opens the data directory, resumes what is queued there, and serves on 127.0.0.1. */
  public static LocalRuntime start(RuntimeOptions options) {
    return start(options, UnaryOperator.identity());
  }

  /**
   * Starts with the job table wrapped, as the handlers and the API read and write it, so that a
   * test can make it fail as DynamoDB might.
   */
  public static LocalRuntime start(RuntimeOptions options, UnaryOperator<JobStore> table) {
    try {
      return new LocalRuntime(options, table);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
    }
  }

  private void purgeExpiredLogs() {
    try {
      logs.purgeExpired();
    } catch (RuntimeException e) {
      RuntimeLog.error("could not delete the expired log events", e);
    }
  }

  private LocalFunction function(FunctionConfig config, String name, Qualifier qualifier) {
    return new LocalFunction(
        config.named(name),
        new QualifiedArn(stack.functionArn(name), qualifier),
        invocations,
        options.clock());
  }

  public LocalStack stack() {
    return stack;
  }

  public String endpoint() {
    return stack.endpoint();
  }

  public RuntimeOptions options() {
    return options;
  }

  /** The job types served: the built-in ones, then those of the kind jars. */
  public List<String> kinds() {
    return kinds.names();
  }

  public ArchiveStore archive() {
    return archive;
  }

  /**
   * Stops taking requests, lets running attempts finish for up to the grace period, and closes the
   * database; whatever is unfinished stays queued for the next start.
   */
  public synchronized void stop(Duration grace) {
    if (stopped) {
      return;
    }
    stopped = true;
    server.close();
    long until = System.nanoTime() + grace.toNanos();
    replays.close(); // after the event under way; the next start resumes the rest
    logRetention.shutdownNow();
    processing.stop(Duration.ofNanos(Math.max(0, until - System.nanoTime())));
    errorHandler.stop(Duration.ofNanos(Math.max(0, until - System.nanoTime())));
    database.close();
    lock.close();
  }

  /**
   * Announces the runtime in {@code runtime.json} under its data directory, as the process {@code
   * pid}, and has the JVM's shutdown (SIGTERM, Ctrl-C) stop it gracefully and remove the file: what
   * {@code jobs local start} does once the runtime serves.
   *
   * @return what the file says
   */
  public RuntimeFile announce(long pid) {
    RuntimeFile file = RuntimeFile.of(this, pid);
    Path directory = options.dataDir();
    file.write(directory);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  close();
                  RuntimeFile.removeIfOwned(directory, pid);
                  shutDown.countDown();
                },
                "jobs-local-shutdown"));
    return file;
  }

  /** Waits until the JVM's shutdown has stopped an {@link #announce announced} runtime. */
  public void awaitShutdown() throws InterruptedException {
    shutDown.await();
  }

  @Override
  public void close() {
    stop(options.grace());
  }
}
