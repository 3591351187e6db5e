package dev.jobs.backend.store;

import dev.jobs.backend.aws.FunctionEnvironment;
import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job store on DynamoDB. One item per job, keyed by {@code id}. {@code parameters}, {@code
 * result} and {@code error} are strings holding JSON, so that API Gateway's {@code GET} mapping
 * template can emit them as they are; {@code attempts} and {@code expiresAt} (the TTL attribute)
 * are numbers; {@code startedAt} and {@code finishedAt} are ISO-8601 strings. So are {@code
 * heartbeatAt} and {@code cancelRequestedAt}; {@code progress} is a string holding its JSON and
 * {@code timeoutSeconds} a number. {@code listKey} and {@code listAt} key the list index {@value
 * #INDEX}, written with every status transition. Every write is one conditional {@code UpdateItem}.
 * {@code status}, {@code type}, {@code parameters}, {@code result} and {@code error} are DynamoDB
 * reserved words, so expressions name them through aliases.
 */
public final class DynamoDbJobStore implements JobStore {
  private static final Map<String, String> NAMES =
      Map.of(
          "#status",
          "status",
          "#type",
          "type",
          "#parameters",
          "parameters",
          "#result",
          "result",
          "#error",
          "error",
          "#progress",
          "progress");

  /** The global secondary index the list reads (the stack defines it with these names). */
  public static final String INDEX = "JobsByStatusDay";

  /** The index's partition key: {@code STATUS#yyyy-MM-dd#shard}. */
  public static final String LIST_KEY = "listKey";

  /** The index's sort key: the status time (fixed nanos) then {@code #id}. */
  public static final String LIST_AT = "listAt";

  /**
   * Partitions per status and day: one day's jobs of one status share no single partition key, so
   * the index takes 4 x 1,000 writes/s per status and day instead of DynamoDB's 1,000 per key.
   */
  static final int SHARDS = 4;

  private static final String KEY_SEPARATOR = "#";

  /** Items read per query call of a filtered list (DynamoDB reads at most 1 MB a call anyway). */
  private static final int FILTERED_READ = 100;

  private static final String CANCEL_REQUESTED_AT = "cancelRequestedAt";

  /** A cancel races a start at most once in practice; three rounds leave room to spare. */
  private static final int CANCEL_ROUNDS = 3;

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbJobStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /**
   * The Lambda wiring: table from {@code TABLE_NAME}, region from {@code AWS_REGION}, credentials
   * from the environment Lambda sets (see {@link #lambdaCredentials}), the url-connection HTTP
   * client (the lightest cold start), and an endpoint override from {@code DYNAMODB_ENDPOINT} when
   * set (tests and benchmarks).
   */
  public static DynamoDbJobStore fromEnvironment(Map<String, String> env) {
    FunctionEnvironment function = new FunctionEnvironment(env);
    String table = function.required("TABLE_NAME", "the function needs its table's name");
    return new DynamoDbJobStore(
        function.client(DynamoDbClient.builder(), lambdaCredentials(), "DYNAMODB_ENDPOINT"), table);
  }

  /**
   * A function's credentials: the access-key variables, or, in a function with SnapStart, which has
   * none of them, the container credentials endpoint Lambda gives it instead. Only these two: the
   * SDK's default chain would first look for system properties and profile files.
   */
  static AwsCredentialsProvider lambdaCredentials() {
    return AwsCredentialsProviderChain.of(
        EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.create());
  }

  @Override
  public Optional<JobRecord> find(String id) {
    try {
      GetItemResponse response =
          dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true));
      return response.hasItem() && !response.item().isEmpty()
          ? Optional.of(toRecord(response.item()))
          : Optional.empty();
    } catch (SdkException e) {
      throw new JobStoreException("could not read job " + id + " from table " + table, e);
    }
  }

  @Override
  public Optional<JobRecord> start(JobStart start) {
    if (start.dispatched() && !start.replay()) {
      Written first = startQueued(start);
      if (first.done()) {
        return Optional.of(toRecord(first.item()));
      }
      if (first.item() == null || !start.allows(Optional.of(toRecord(first.item())))) {
        return Optional.empty();
      }
      // RUNNING in this queueing: Lambda's retry of the attempt the dispatch started.
    }
    ItemUpdate update =
        attemptStarted(start)
            .set("#type", ":type", s(start.type()))
            .set(
                "#parameters",
                ":parameters",
                s(JobJson.MAPPER.writeValueAsString(start.parameters())));
    String condition;
    if (start.replay()) {
      // Once per failure: listAt begins with the status time, so comparing it with the cutoff
      // compares the times. Items written before listAt existed are re-driven as they were.
      update
          .set("startedAt = :now")
          .listed(JobStatus.RUNNING, start.id(), start.startedAt())
          .remove("finishedAt", "#error", "#result", "#progress")
          .status(JobStatus.FAILED)
          .value(":cutoff", s(JobCursor.sortable(start.replayCutoff())));
      condition =
          "attribute_not_exists(id) OR ((#status = :running OR #status = :failed)"
              + " AND (listAt < :cutoff OR attribute_not_exists(listAt)))";
    } else if (start.dispatched()) {
      update
          .set("startedAt = if_not_exists(startedAt, :now)")
          .value(":queuedAt", s(start.queuedAt().toString()));
      condition = "#status = :running AND queuedAt = :queuedAt";
    } else {
      // A retry keeps the first start, and so its place in the list.
      update
          .set("startedAt = if_not_exists(startedAt, :now)")
          .listPlace(JobStatus.RUNNING, start.id(), start.startedAt())
          .set("listKey = if_not_exists(listKey, :listKey)")
          .set("listAt = if_not_exists(listAt, :listAt)");
      condition = "attribute_not_exists(id) OR #status = :running";
    }
    Optional<UpdateItemResponse> response =
        update(start.id(), update, condition, ReturnValue.ALL_NEW);
    return response.map(r -> toRecord(r.attributes()));
  }

  /**
   * What every start of an attempt writes: {@code RUNNING}, one more attempt, the heartbeat (now,
   * {@code :now}), the expiry, and the attempt's timeout when it is known.
   */
  private static ItemUpdate attemptStarted(JobStart start) {
    ItemUpdate update =
        new ItemUpdate()
            .status(JobStatus.RUNNING)
            .set("#status = :running")
            .set("expiresAt", ":expiresAt", n(start.expiresAt()))
            .set("attempts = if_not_exists(attempts, :zero) + :one")
            .value(":zero", n(0))
            .value(":one", n(1))
            .set("heartbeatAt", ":now", s(start.startedAt().toString()));
    if (start.timeoutSeconds() != null) {
      update.set("timeoutSeconds", ":timeout", n(start.timeoutSeconds()));
    }
    return update;
  }

  /**
   * A dispatch's first start: its queueing's {@code QUEUED} record becomes {@code RUNNING}, a new
   * run (its start, and its place in the list, now). Answers the record as it was when refused.
   */
  private Written startQueued(JobStart start) {
    ItemUpdate update =
        attemptStarted(start)
            .set("startedAt = :now")
            .listed(JobStatus.RUNNING, start.id(), start.startedAt())
            .remove("#progress")
            .status(JobStatus.QUEUED)
            .value(":queuedAt", s(start.queuedAt().toString()));
    return write(start.id(), update, "#status = :queued AND queuedAt = :queuedAt");
  }

  /**
   * One conditional write, {@code attribute_not_exists(id)}: an id that has a record is answered
   * with it ({@code ALL_OLD}) and nothing is written, so the table's stream sees nothing either.
   */
  @Override
  public QueueResult queue(JobRecord queued) {
    ItemUpdate update =
        new ItemUpdate()
            .movedTo(JobStatus.QUEUED, queued.id(), queued.queuedAt())
            .set("#type", ":type", s(queued.type()))
            .set(
                "#parameters",
                ":parameters",
                s(JobJson.MAPPER.writeValueAsString(queued.parameters())))
            .set("attempts", ":zero", n(0))
            .set("queuedAt", ":queuedAt", s(queued.queuedAt().toString()))
            .set("expiresAt", ":expiresAt", n(queued.expiresAt()));
    Written written = write(queued.id(), update, "attribute_not_exists(id)");
    if (written.done()) {
      return new QueueResult(true, toRecord(written.item()));
    }
    if (written.item() == null) {
      throw new JobStoreException(
          "could not queue job " + queued.id() + " in table " + table,
          new IllegalStateException("the condition failed with no item"));
    }
    return new QueueResult(false, toRecord(written.item()));
  }

  /**
   * One conditional write on the status: of two requests at the same moment, one re-queues the job
   * and the other finds it {@code QUEUED} ({@code ALL_OLD}), so one new attempt starts.
   */
  @Override
  public RetryResult retry(String id, boolean cancelled, Instant at, long expiresAt) {
    ItemUpdate update =
        new ItemUpdate()
            .movedTo(JobStatus.QUEUED, id, at)
            .set("queuedAt", ":at", s(at.toString()))
            .set("expiresAt", ":expiresAt", n(expiresAt))
            .remove(
                "startedAt",
                "finishedAt",
                "#result",
                "#error",
                "#progress",
                "heartbeatAt",
                "cancelRequestedAt")
            .status(JobStatus.FAILED);
    String status = "#status = :failed";
    if (cancelled) {
      update.status(JobStatus.CANCELLED);
      status = "(#status = :failed OR #status = :cancelled)";
    }
    Written written = write(id, update, status + " AND attribute_exists(#parameters)");
    if (written.done()) {
      return new RetryResult(RetryOutcome.QUEUED, toRecord(written.item()));
    }
    return written.item() == null
        ? new RetryResult(RetryOutcome.NOT_FOUND, null)
        : new RetryResult(RetryOutcome.REFUSED, toRecord(written.item()));
  }

  /**
   * {@code ALL_NEW} brings the cancel flag back with the write: the item's size costs the write's
   * capacity either way, so the answer adds only bytes on the wire, not a read.
   */
  @Override
  public Heartbeat progress(String id, int attempt, JobProgress progress, Instant at) {
    ItemUpdate update =
        new ItemUpdate()
            .status(JobStatus.RUNNING)
            .value(":attempt", n(attempt))
            .set("heartbeatAt", ":at", s(at.toString()));
    if (progress != null) {
      update.set("#progress", ":progress", s(JobJson.MAPPER.writeValueAsString(progress)));
    }
    return update(id, update, "#status = :running AND attempts = :attempt", ReturnValue.ALL_NEW)
        .map(
            r ->
                r.attributes().containsKey(CANCEL_REQUESTED_AT)
                    ? Heartbeat.CANCEL_REQUESTED
                    : Heartbeat.RUNNING)
        .orElse(Heartbeat.ATTEMPT_OVER);
  }

  /**
   * One conditional write for a job that has a record: a running one notes the request, and a
   * refused write returns the item as it was ({@code ALL_OLD}), which tells an ended job without a
   * read. A job with no record takes a second write that creates it {@code CANCELLED}: an update
   * expression cannot leave out {@code finishedAt} and the list keys for a running job while
   * writing them for a new one. Should a start slip in between, the request goes round again.
   */
  @Override
  public CancelResult cancel(String id, Instant at, long expiresAt) {
    for (int round = 0; round < CANCEL_ROUNDS; round++) {
      Written running =
          write(
              id,
              new ItemUpdate()
                  .status(JobStatus.RUNNING)
                  .set("cancelRequestedAt = if_not_exists(cancelRequestedAt, :at)")
                  .value(":at", s(at.toString())),
              "#status = :running");
      if (running.done()) {
        return new CancelResult(CancelOutcome.CANCEL_RECORDED, toRecord(running.item()));
      }
      if (running.item() != null) {
        JobRecord current = toRecord(running.item());
        if (current.status() != JobStatus.QUEUED) {
          return new CancelResult(CancelResult.outcomeFor(current), current);
        }
        Written queued = cancelQueued(id, at);
        if (queued.done()) {
          return new CancelResult(CancelOutcome.CANCEL_RECORDED, toRecord(queued.item()));
        }
        continue; // its dispatch started it (or a retry came) between the two writes: again
      }
      Written created =
          write(
              id,
              cancelledNow(id, at)
                  .set("attempts", ":zero", n(0))
                  .set("expiresAt", ":expiresAt", n(expiresAt)),
              "attribute_not_exists(id)");
      if (created.done()) {
        return new CancelResult(CancelOutcome.CANCEL_RECORDED, toRecord(created.item()));
      }
      if (created.item() != null) {
        JobRecord current = toRecord(created.item());
        if (current.status() != JobStatus.RUNNING && current.status() != JobStatus.QUEUED) {
          return new CancelResult(CancelResult.outcomeFor(current), current);
        }
      }
      // A start or a queueing came between the two writes (or the record vanished, its TTL passed):
      // again.
    }
    throw new JobStoreException(
        "job " + id + " kept changing while it was being cancelled",
        new IllegalStateException("no cancel outcome after " + CANCEL_ROUNDS + " rounds"));
  }

  /** A queued job ends {@code CANCELLED} now: its dispatch, when it comes, finds it so. */
  private Written cancelQueued(String id, Instant at) {
    return write(id, cancelledNow(id, at).status(JobStatus.QUEUED), "#status = :queued");
  }

  /** A job that never started ends {@code CANCELLED} at {@code at}, requested then too. */
  private static ItemUpdate cancelledNow(String id, Instant at) {
    return ended(JobStatus.CANCELLED, id, at).set("cancelRequestedAt = :now");
  }

  /** The job ends in {@code status} at {@code at} ({@code :now}). */
  private static ItemUpdate ended(JobStatus status, String id, Instant at) {
    return new ItemUpdate().movedTo(status, id, at).set("finishedAt", ":now", s(at.toString()));
  }

  @Override
  public boolean cancelled(String id, int attempt, Instant finishedAt) {
    ItemUpdate update =
        ended(JobStatus.CANCELLED, id, finishedAt)
            .status(JobStatus.RUNNING)
            .value(":attempt", n(attempt));
    return update(id, update, "#status = :running AND attempts = :attempt", ReturnValue.NONE)
        .isPresent();
  }

  @Override
  public boolean succeed(String id, JsonNode result, Instant finishedAt) {
    ItemUpdate update =
        ended(JobStatus.SUCCEEDED, id, finishedAt)
            .set("#result", ":result", s(JobJson.MAPPER.writeValueAsString(result)))
            .status(JobStatus.RUNNING);
    return update(id, update, "#status = :running", ReturnValue.NONE).isPresent();
  }

  @Override
  public boolean fail(JobFailure failure) {
    ItemUpdate update =
        ended(JobStatus.FAILED, failure.id(), failure.finishedAt())
            .set("#error", ":error", s(JobJson.MAPPER.writeValueAsString(failure.error())))
            .set("expiresAt", ":expiresAt", n(failure.expiresAt()))
            .set("#type = if_not_exists(#type, :type)")
            .value(":type", s(failure.type()))
            .set("attempts = if_not_exists(attempts, :zero)")
            .value(":zero", n(0))
            .status(JobStatus.RUNNING);
    if (failure.parameters() != null) {
      update
          .set("#parameters = if_not_exists(#parameters, :parameters)")
          .value(":parameters", s(JobJson.MAPPER.writeValueAsString(failure.parameters())));
    }
    String condition = "attribute_not_exists(id) OR #status = :running";
    if (failure.queuedAt() != null) {
      // The rejected dispatch of a queueing ends that QUEUED job, never a later queueing of it.
      update.status(JobStatus.QUEUED).value(":queuedAt", s(failure.queuedAt().toString()));
      condition += " OR (#status = :queued AND queuedAt = :queuedAt)";
    }
    return update(failure.id(), update, condition, ReturnValue.NONE).isPresent();
  }

  /**
   * Merges the index's partitions newest first, day by day from {@code until}'s day back: every job
   * of a day is newer than every job of the day before, so a day's partitions, each read up to the
   * page size, hold the day's newest jobs. Reading one more job than the page size tells whether
   * there is a next page.
   *
   * <p>The partitions are queried in parallel, in waves of days: the first day alone, then two,
   * four and eight days at once while the page is not full, so a page that the last day fills costs
   * what it did, and an empty 31-day window takes five round trips instead of 31 days x statuses x
   * shards one after another. A wave's later days may be read in vain when an earlier one fills the
   * page: at most the page size per partition, and only on sparse windows.
   */
  @Override
  public JobPage list(JobQuery query) {
    int wanted = query.limit() + 1;
    Instant until = query.until();
    String upper = JobCursor.sortable(until);
    boolean exclusiveCursor = false;
    if (query.after().isPresent() && query.after().get().at().isBefore(until)) {
      JobCursor after = query.after().get();
      if (after.at().isBefore(query.since())) {
        return new JobPage(List.of(), Optional.empty());
      }
      until = after.at();
      upper = JobCursor.sortable(after.at()) + KEY_SEPARATOR + after.id();
      exclusiveCursor = true;
    }
    String lower = JobCursor.sortable(query.since());
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate day = day(until); !day.isBefore(day(query.since())); day = day.minusDays(1)) {
      days.add(day);
    }
    List<JobRecord> found = new ArrayList<>();
    int next = 0;
    for (int wave = 1; next < days.size() && found.size() < wanted; wave = Math.min(wave * 2, 8)) {
      List<LocalDate> waveDays = days.subList(next, Math.min(days.size(), next + wave));
      next += waveDays.size();
      List<List<CompletableFuture<List<Map<String, AttributeValue>>>>> reads = new ArrayList<>();
      for (LocalDate day : waveDays) {
        List<CompletableFuture<List<Map<String, AttributeValue>>>> partitions = new ArrayList<>();
        for (JobStatus status : query.statuses()) {
          for (int shard = 0; shard < SHARDS; shard++) {
            String key = status.name() + KEY_SEPARATOR + day + KEY_SEPARATOR + shard;
            String from = upper;
            boolean exclusive = exclusiveCursor;
            int limit = wanted - found.size();
            partitions.add(
                CompletableFuture.supplyAsync(
                    () -> queryPartition(key, lower, from, exclusive, limit, query.filter()),
                    Queries.POOL));
          }
        }
        reads.add(partitions);
      }
      for (List<CompletableFuture<List<Map<String, AttributeValue>>>> day : reads) {
        if (found.size() < wanted) {
          addNewestFirst(join(day), found, wanted, query);
        } else {
          day.forEach(read -> read.cancel(false));
        }
      }
    }
    return query.page(found);
  }

  /** A day's items, newest first, added until the page holds {@code wanted}. */
  private void addNewestFirst(
      List<Map<String, AttributeValue>> items, List<JobRecord> found, int wanted, JobQuery query) {
    items.sort(
        Comparator.comparing((Map<String, AttributeValue> item) -> item.get(LIST_AT).s())
            .reversed());
    for (Map<String, AttributeValue> item : items) {
      if (found.size() == wanted) {
        return;
      }
      JobRecord job = toRecord(item);
      // The filter expression's contains() on the error's JSON text is checked here exactly.
      if (query.filter().matches(job)) {
        found.add(job);
      }
    }
  }

  private static List<Map<String, AttributeValue>> join(
      List<CompletableFuture<List<Map<String, AttributeValue>>>> reads) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    try {
      for (CompletableFuture<List<Map<String, AttributeValue>>> read : reads) {
        items.addAll(read.join());
      }
    } catch (CompletionException e) {
      reads.forEach(read -> read.cancel(false));
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
    return items;
  }

  /**
   * The threads that query the index's partitions: a bounded pool, shared by the function's
   * invocations (one at a time in Lambda), of daemon threads, made on the first list.
   */
  private static final class Queries {
    static final int PARALLELISM = 16;
    static final ExecutorService POOL =
        Executors.newFixedThreadPool(PARALLELISM, DaemonThreads.named("list-query"));
  }

  /**
   * Up to {@code limit} items of one partition with {@code lower <= listAt < upper}, newest first.
   * Without a cursor, {@code upper} is a bare instant, which no listAt equals ({@code #id}
   * follows), so BETWEEN excludes it; with one, the key condition is {@code < cursor} and the lower
   * bound is applied here, ending the read at the first item below it.
   */
  private List<Map<String, AttributeValue>> queryPartition(
      String listKey,
      String lower,
      String upper,
      boolean exclusiveUpper,
      int limit,
      JobFilter filter) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":key", s(listKey));
    values.put(":upper", s(upper));
    String condition;
    if (exclusiveUpper && filter.isEmpty()) {
      condition = "listKey = :key AND listAt < :upper";
    } else {
      // A filtered read must end at the window's start itself: a filter hides the items that
      // would end it here. The cursor's own item (listAt = upper) is skipped below.
      values.put(":lower", s(lower));
      condition = "listKey = :key AND listAt BETWEEN :lower AND :upper";
    }
    Map<String, String> names = new HashMap<>();
    String filterExpression = filterExpression(filter, values, names);
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    try {
      QueryPages.read(
          dynamo,
          () -> {
            QueryRequest.Builder request =
                QueryRequest.builder()
                    .tableName(table)
                    .indexName(INDEX)
                    .keyConditionExpression(condition)
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    // Limit counts the items read, before the filter: read pages of a useful size.
                    .limit(filterExpression == null ? limit - items.size() : FILTERED_READ);
            if (filterExpression != null) {
              request.filterExpression(filterExpression).expressionAttributeNames(names);
            }
            return request;
          },
          item -> {
            String at = item.get(LIST_AT).s();
            if (at.compareTo(lower) < 0) {
              return false;
            }
            if (!(exclusiveUpper && at.equals(upper))) {
              items.add(item);
            }
            return items.size() < limit;
          });
    } catch (SdkException e) {
      throw new JobStoreException("could not list jobs from table " + table, e);
    }
    return items;
  }

  /**
   * The filter as a DynamoDB filter expression, or null for none. {@code error} is JSON text, so
   * its fields are matched as the text the store writes: {@code "type":"<value as JSON>"}, which
   * only the field itself can hold (quotes inside a JSON string are escaped); {@link
   * JobFilter#matches} checks each item again.
   */
  private static String filterExpression(
      JobFilter filter, Map<String, AttributeValue> values, Map<String, String> names) {
    List<String> parts = new ArrayList<>();
    filter
        .type()
        .ifPresent(
            type -> {
              names.put("#type", "type");
              values.put(":type", s(type));
              parts.add("#type = :type");
            });
    filter
        .errorType()
        .ifPresent(type -> parts.add(errorHolds("type", type, ":errorType", values, names)));
    filter
        .condition()
        .ifPresent(
            condition ->
                parts.add(errorHolds("condition", condition, ":condition", values, names)));
    return parts.isEmpty() ? null : String.join(" AND ", parts);
  }

  /** {@code contains(#error, placeholder)}: the error's JSON text holds this field's value. */
  private static String errorHolds(
      String field,
      String value,
      String placeholder,
      Map<String, AttributeValue> values,
      Map<String, String> names) {
    names.put("#error", "error");
    values.put(placeholder, s("\"" + field + "\":" + JobJson.MAPPER.writeValueAsString(value)));
    return "contains(#error, " + placeholder + ")";
  }

  /** The index's partition key: status, UTC day of the status time, and the job's shard. */
  static String listKey(JobStatus status, String id, Instant at) {
    return status.name()
        + KEY_SEPARATOR
        + day(at)
        + KEY_SEPARATOR
        + Math.floorMod(id.hashCode(), SHARDS);
  }

  /** The index's sort key: the status time, sortable as text, then the id. */
  static String listAt(String id, Instant at) {
    return JobCursor.sortable(at) + KEY_SEPARATOR + id;
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  private Optional<UpdateItemResponse> update(
      String id, ItemUpdate update, String condition, ReturnValue returnValue) {
    try {
      return Optional.of(
          dynamo.updateItem(request(id, update, condition).returnValues(returnValue).build()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failedWrite(id, e);
    }
  }

  /**
   * A conditional write answering {@code ALL_NEW} when done, else the item as it was ({@code
   * ALL_OLD}; null when there was none).
   */
  private record Written(boolean done, Map<String, AttributeValue> item) {}

  private Written write(String id, ItemUpdate update, String condition) {
    UpdateItemRequest request =
        request(id, update, condition)
            .returnValues(ReturnValue.ALL_NEW)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
            .build();
    try {
      return new Written(true, dynamo.updateItem(request).attributes());
    } catch (ConditionalCheckFailedException e) {
      return new Written(false, e.hasItem() && !e.item().isEmpty() ? e.item() : null);
    } catch (SdkException e) {
      throw failedWrite(id, e);
    }
  }

  private UpdateItemRequest.Builder request(String id, ItemUpdate update, String condition) {
    String expression = update.expression();
    return UpdateItemRequest.builder()
        .tableName(table)
        .key(key(id))
        .updateExpression(expression)
        .conditionExpression(condition)
        .expressionAttributeNames(names(expression, condition))
        .expressionAttributeValues(update.values());
  }

  private JobStoreException failedWrite(String id, SdkException e) {
    return new JobStoreException("could not write job " + id + " to table " + table, e);
  }

  private static Map<String, String> names(String update, String condition) {
    Map<String, String> names = new HashMap<>();
    NAMES.forEach(
        (alias, name) -> {
          if (update.contains(alias) || condition.contains(alias)) {
            names.put(alias, name);
          }
        });
    return names;
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", s(id));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static JobRecord toRecord(Map<String, AttributeValue> item) {
    return new JobRecord(
        item.get("id").s(),
        JobStatus.valueOf(item.get("status").s()),
        string(item, "type"),
        (ObjectNode) json(item, "parameters"),
        json(item, "result"),
        item.containsKey("error")
            ? JobJson.MAPPER.readValue(item.get("error").s(), JobError.class)
            : null,
        item.containsKey("attempts") ? Integer.parseInt(item.get("attempts").n()) : 0,
        instant(item, "startedAt"),
        instant(item, "finishedAt"),
        item.containsKey("expiresAt") ? Long.parseLong(item.get("expiresAt").n()) : 0,
        item.containsKey("progress")
            ? JobJson.MAPPER.readValue(item.get("progress").s(), JobProgress.class)
            : null,
        instant(item, "heartbeatAt"),
        instant(item, CANCEL_REQUESTED_AT),
        item.containsKey("timeoutSeconds") ? Integer.valueOf(item.get("timeoutSeconds").n()) : null,
        instant(item, "queuedAt"));
  }

  private static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static JsonNode json(Map<String, AttributeValue> item, String name) {
    String text = string(item, name);
    return text == null ? null : JobJson.MAPPER.readTree(text);
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    String text = string(item, name);
    return text == null ? null : Instant.parse(text);
  }
}
