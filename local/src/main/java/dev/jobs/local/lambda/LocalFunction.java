package dev.jobs.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.jobs.backend.aws.FunctionContext;
import dev.jobs.backend.job.JobJson;
import dev.jobs.local.log.RuntimeLog;
import dev.jobs.local.store.Invocation;
import dev.jobs.local.store.InvocationStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A function invoked asynchronously, as Lambda does it: invocations wait in a durable queue; {@code
 * reservedConcurrency} workers run them; an attempt past the timeout is stopped and fails; a failed
 * attempt is retried up to {@code retryAttempts} times; an event older than {@code maxEventAge} is
 * dropped; and a dropped or exhausted invocation goes to the on-failure destination as Lambda's
 * destination record.
 */
public final class LocalFunction implements AutoCloseable {
  /** Lambda's record timestamps always carry milliseconds: {@code 2019-11-24T23:08:25.651Z}. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The memory an attempt's context reports; nothing here limits it. */
  private static final int MEMORY_MB = 512;

  /**
   * The queued invocations held in memory; the rest wait on disk (see {@link InvocationWindow}).
   */
  static final int WINDOW = 10_000;

  private final FunctionConfig config;
  private final QualifiedArn arn;
  private final InvocationStore queue;
  private final Clock clock;
  private volatile Destination onFailure;
  private final InvocationWindow ready;
  private final ExecutorService attemptThreads;
  private final List<Thread> workers = new ArrayList<>();

  /** Workers waiting for an invocation: a stop interrupts them, never one running an attempt. */
  private final Set<Thread> idle = ConcurrentHashMap.newKeySet();

  private volatile boolean stopping;

  /** The code the workers run; set by {@link #start}, before any worker runs. */
  private RequestStreamHandler handler;

  /**
   * @param arn the function's ARN as its callers invoke it
   * @param queue where its invocations wait, durably
   */
  public LocalFunction(
      FunctionConfig config, QualifiedArn arn, InvocationStore queue, Clock clock) {
    this(config, arn, queue, clock, WINDOW);
  }

  /** With {@code window} invocations at most held in memory. */
  LocalFunction(
      FunctionConfig config, QualifiedArn arn, InvocationStore queue, Clock clock, int window) {
    this.config = config;
    this.arn = arn;
    this.queue = queue;
    this.clock = clock;
    this.ready =
        new InvocationWindow(
            window, (after, limit) -> queue.pending(config.name(), after, limit), clock);
    AtomicInteger count = new AtomicInteger();
    this.attemptThreads =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, config.name() + "-attempt-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  public String name() {
    return config.name();
  }

  public String arn() {
    return arn.functionArn();
  }

  /** The ARN its callers invoke: with the alias, or {@code :$LATEST} when unqualified. */
  public String qualifiedArn() {
    return arn.value();
  }

  public void onFailure(Destination destination) {
    this.onFailure = destination;
  }

  /**
   * Resumes what the queue holds (a restart), then starts the workers running {@code handler}: a
   * function never started only queues its invocations.
   */
  public void start(RequestStreamHandler handler) {
    this.handler = handler;
    ready.load();
    for (int i = 0; i < config.reservedConcurrency(); i++) {
      Thread worker = new Thread(this::work, config.name() + "-worker-" + i);
      worker.setDaemon(true);
      worker.start();
      workers.add(worker);
    }
  }

  /** Queues an invocation; the future completes once it is on disk. */
  public CompletableFuture<Invocation> invoke(String requestId, String payload) {
    return queue.enqueue(config.name(), requestId, payload, clock.millis(), this::accept);
  }

  /** Takes an invocation already written to this function's queue. */
  public void accept(Invocation invocation) {
    ready.offer(invocation);
  }

  /** This function as another's on-failure destination: the record is queued for it. */
  public Destination asDestination() {
    return (failed, record) ->
        queue.handOn(
            failed,
            config.name(),
            UUID.randomUUID().toString(),
            JobJson.MAPPER.writeValueAsString(record),
            clock.millis(),
            this::accept);
  }

  private void work() {
    while (!stopping) {
      Invocation next;
      idle.add(Thread.currentThread());
      try {
        if (stopping) {
          return;
        }
        next = ready.take();
      } catch (InterruptedException e) {
        return; // stopping
      } finally {
        idle.remove(Thread.currentThread());
      }
      if (stopping) {
        return; // left on disk for the next start
      }
      try {
        run(next);
      } catch (RuntimeException e) {
        // The store failed (it is closing, or the disk is); the invocation stays queued on disk.
        RuntimeLog.error(config.name() + ": invocation " + next.requestId() + " left queued", e);
      }
    }
  }

  private void run(Invocation invocation) {
    long now = clock.millis();
    if (now - invocation.enqueuedAt() > config.maxEventAge().toMillis()) {
      fail(invocation, "EventAgeExceeded", invocation.attempts(), null);
      return;
    }
    int attempt = invocation.attempts() + 1;
    AttemptResult result = attempt(invocation);
    if (result.error() == null) {
      // Not awaited: were the removal lost, a rerun finds the job ended and changes nothing.
      queue.remove(invocation.seq());
      return;
    }
    if (attempt <= config.retryAttempts()) {
      long notBefore = clock.millis() + config.retryDelay().toMillis() * attempt;
      queue.reschedule(invocation.seq(), attempt, notBefore);
      ready.retry(
          new Invocation(
              invocation.seq(),
              invocation.function(),
              invocation.requestId(),
              invocation.payload(),
              invocation.enqueuedAt(),
              attempt,
              notBefore));
      return;
    }
    fail(invocation, "RetriesExhausted", attempt, result.error());
  }

  private void fail(Invocation invocation, String condition, int invokeCount, ObjectNode error) {
    ObjectNode record = destinationRecord(invocation, condition, invokeCount, error);
    Destination destination = onFailure;
    if (destination == null) {
      queue.remove(invocation.seq()).join();
    } else {
      destination.deliver(invocation, record);
    }
  }

  /** Lambda's on-failure destination record, field for field. */
  private ObjectNode destinationRecord(
      Invocation invocation, String condition, int invokeCount, ObjectNode error) {
    ObjectNode record = JobJson.MAPPER.createObjectNode();
    record.put("version", "1.0");
    record.put("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(clock.millis())));
    ObjectNode context = record.putObject("requestContext");
    context.put("requestId", invocation.requestId());
    context.put("functionArn", qualifiedArn());
    context.put("condition", condition);
    context.put("approximateInvokeCount", invokeCount);
    record.set("requestPayload", payloadJson(invocation.payload()));
    if (error != null) {
      ObjectNode response = record.putObject("responseContext");
      response.put("statusCode", 200);
      response.put("executedVersion", arn.qualifier().version());
      response.put("functionError", "Unhandled");
      record.set("responsePayload", error);
    }
    return record;
  }

  private static JsonNode payloadJson(String payload) {
    try {
      return JobJson.MAPPER.readTree(payload);
    } catch (RuntimeException e) {
      return JobJson.MAPPER.getNodeFactory().stringNode(payload);
    }
  }

  private record AttemptResult(ObjectNode error) {}

  @SuppressWarnings("removal")
  private AttemptResult attempt(Invocation invocation) {
    long timeout = config.timeout().toMillis();
    long deadline = clock.millis() + timeout;
    AtomicBoolean abandoned = new AtomicBoolean();
    AtomicReference<Thread> runner = new AtomicReference<>();
    FunctionContext context =
        new FunctionContext(
            invocation.requestId(),
            config.name(),
            qualifiedArn(),
            arn.qualifier().version(),
            MEMORY_MB,
            () -> (int) Math.max(0, deadline - clock.millis()));
    Future<?> future =
        attemptThreads.submit(
            () -> {
              runner.set(Thread.currentThread());
              AttemptFence.enter(abandoned);
              try {
                handler.handleRequest(
                    new ByteArrayInputStream(invocation.payload().getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(),
                    context);
              } finally {
                AttemptFence.exit();
              }
              return null;
            });
    try {
      future.get(timeout, TimeUnit.MILLISECONDS);
      return new AttemptResult(null);
    } catch (TimeoutException e) {
      abandoned.set(true);
      future.cancel(true);
      Thread thread = runner.get();
      if (thread != null) {
        try {
          // Lambda ends the whole environment; stopping the thread is the nearest a JVM allows.
          thread.stop();
        } catch (UnsupportedOperationException | SecurityException notAllowed) {
          // Newer JDKs cannot stop a thread: it was interrupted and its writes are fenced off.
        }
      }
      return new AttemptResult(timeoutError(invocation));
    } catch (ExecutionException e) {
      return new AttemptResult(errorPayload(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new IllegalStateException("interrupted while running " + invocation.requestId(), e);
    }
  }

  /** Lambda's response for an attempt it stopped at the timeout, as it writes it today. */
  private ObjectNode timeoutError(Invocation invocation) {
    ObjectNode error = JobJson.MAPPER.createObjectNode();
    error.put("errorType", "Sandbox.Timedout");
    error.put(
        "errorMessage",
        "RequestId: "
            + invocation.requestId()
            + " Error: Task timed out after "
            + String.format(Locale.ROOT, "%.2f", config.timeout().toMillis() / 1000.0)
            + " seconds");
    return error;
  }

  /** The Java runtime's error response for an exception thrown by the handler. */
  private static ObjectNode errorPayload(Throwable failure) {
    ObjectNode error = JobJson.MAPPER.createObjectNode();
    error.put(
        "errorMessage", failure.getMessage() == null ? failure.toString() : failure.getMessage());
    error.put("errorType", failure.getClass().getName());
    ArrayNode trace = error.putArray("stackTrace");
    for (StackTraceElement element : failure.getStackTrace()) {
      trace.add(element.toString());
    }
    return error;
  }

  /** Stops taking invocations and waits up to the grace period for running attempts. */
  public void stop(Duration grace) {
    stopping = true;
    idle.forEach(Thread::interrupt);
    long until = System.nanoTime() + grace.toNanos();
    for (Thread worker : workers) {
      long left = until - System.nanoTime();
      if (left > 0) {
        try {
          worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    attemptThreads.shutdownNow();
  }

  @Override
  public void close() {
    stop(Duration.ZERO);
  }
}
