package dev.jobs.local.store;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.queue.JobDispatcher;
import dev.jobs.backend.stats.StatsDeltas;
import dev.jobs.backend.store.JobCursor;
import dev.jobs.backend.store.JobPage;
import dev.jobs.backend.store.JobQuery;
import dev.jobs.backend.store.JobTransitions;
import dev.jobs.backend.store.WholeRecordJobStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job store on the local SQLite database, with the DynamoDB adapter's conditional transitions.
 * Each transition reads and writes inside one write of the group commit; the single writer makes
 * the read and the write atomic, as DynamoDB's condition expression does.
 *
 * <p>What the table's stream and the dispatcher do on AWS, this store does in the transaction that
 * queues a job ({@link #queue}, {@link #retry}): it also writes the processing function's
 * invocation, {@code {"id", "parameters", "queuedAt"}}, into the invocation queue, and hands it to
 * {@link QueuedJobs#accept} once committed. So a queued job is never lost across {@code kill -9}
 * (the restart resumes the invocation) and never dispatched twice (a repeated request writes
 * neither).
 */
public final class SqliteJobStore extends WholeRecordJobStore {
  /**
   * Where queued jobs are dispatched: the processing function's queue name, and what takes each
   * invocation once it is committed.
   */
  public record QueuedJobs(String function, Consumer<Invocation> accept) {}

  static final String COLUMNS =
      "id, status, type, parameters, result, error, attempts, started_at, finished_at, expires_at,"
          + " progress, heartbeat_at, cancel_requested_at, timeout_seconds, queued_at";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM jobs WHERE id = ?";

  private final Database database;
  private final QueuedJobs queued;

  /** A store whose queued jobs nothing dispatches (tests of the store alone). */
  public SqliteJobStore(Database database) {
    this(database, new QueuedJobs("unused", invocation -> {}));
  }

  public SqliteJobStore(Database database, QueuedJobs queued) {
    this.database = database;
    this.queued = queued;
  }

  @Override
  public Optional<JobRecord> find(String id) {
    return database.read(connection -> select(connection, id));
  }

  @Override
  public CancelResult cancel(String id, Instant at, long expiresAt) {
    return database.write(
        connection -> {
          Optional<JobRecord> current = select(connection, id);
          CancelResult result = JobTransitions.cancel(current, id, at, expiresAt);
          if (current.isEmpty() || !current.get().equals(result.record())) {
            write(connection, current, result.record());
          }
          return result;
        });
  }

  @Override
  public QueueResult queue(JobRecord job) {
    Written written =
        database.write(
            connection -> {
              Optional<JobRecord> current = select(connection, job.id());
              Optional<JobRecord> next = JobTransitions.queue(current, job);
              if (next.isEmpty()) {
                return new Written(new QueueResult(false, current.get()), null);
              }
              write(connection, current, next.get());
              return new Written(
                  new QueueResult(true, next.get()), dispatch(connection, next.get()));
            },
            // On the writer's thread, in the queue's order: see InvocationWindow.
            committed -> committed.handOn(queued));
    return (QueueResult) written.result();
  }

  @Override
  public RetryResult retry(String id, boolean cancelled, Instant at, long expiresAt) {
    Written written =
        database.write(
            connection -> {
              Optional<JobRecord> current = select(connection, id);
              RetryResult result = JobTransitions.retry(current, cancelled, at, expiresAt);
              if (result.outcome() != RetryOutcome.QUEUED) {
                return new Written(result, null);
              }
              write(connection, current, result.record());
              return new Written(result, dispatch(connection, result.record()));
            },
            // On the writer's thread, in the queue's order: see InvocationWindow.
            committed -> committed.handOn(queued));
    return (RetryResult) written.result();
  }

  /** A transaction's answer, and the invocation it queued (null when none). */
  private record Written(Object result, Invocation invocation) {
    void handOn(QueuedJobs queued) {
      if (invocation != null) {
        queued.accept().accept(invocation);
      }
    }
  }

  /** The queued job's invocation, written in the transaction that queued it. */
  private Invocation dispatch(Connection connection, JobRecord job) throws SQLException {
    return InvocationStore.insert(
        connection,
        queued.function(),
        UUID.randomUUID().toString(),
        JobJson.MAPPER.writeValueAsString(
            JobDispatcher.invocation(job.id(), job.parameters(), job.queuedAt())),
        job.queuedAt().toEpochMilli());
  }

  /** In one write of the group commit. */
  @Override
  protected Optional<JobRecord> transition(
      String id, Function<Optional<JobRecord>, Optional<JobRecord>> next) {
    return database.write(
        connection -> {
          Optional<JobRecord> current = select(connection, id);
          Optional<JobRecord> written = next.apply(current);
          if (written.isPresent()) {
            write(connection, current, written.get());
          }
          return written;
        });
  }

  /**
   * One indexed range scan, newest first: {@code jobs_by_status_time} for one status, {@code
   * jobs_by_time} for all. A cursor before {@code until} replaces it as the upper bound ({@code
   * status_at <= cursor}); the few rows at the cursor's own instant are told apart by id.
   */
  @Override
  public JobPage list(JobQuery query) {
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM jobs WHERE ");
    List<String> arguments = new ArrayList<>();
    if (query.status().isPresent()) {
      sql.append("status = ? AND ");
      arguments.add(query.status().get().name());
    }
    query
        .filter()
        .type()
        .ifPresent(
            type -> {
              sql.append("type = ? AND ");
              arguments.add(type);
            });
    query
        .filter()
        .errorType()
        .ifPresent(
            type -> {
              sql.append("json_extract(error, '$.type') = ? AND ");
              arguments.add(type);
            });
    query
        .filter()
        .condition()
        .ifPresent(
            condition -> {
              sql.append("json_extract(error, '$.condition') = ? AND ");
              arguments.add(condition);
            });
    sql.append("status_at >= ?");
    arguments.add(JobCursor.sortable(query.since()));
    Optional<JobCursor> after = query.after().filter(a -> a.at().isBefore(query.until()));
    if (after.isPresent()) {
      if (after.get().at().isBefore(query.since())) {
        return new JobPage(List.of(), Optional.empty());
      }
      // One upper bound only: SQLite starts the scan at one of them, and this one is the cursor.
      String at = JobCursor.sortable(after.get().at());
      sql.append(" AND status_at <= ? AND (status_at < ? OR id < ?)");
      arguments.add(at);
      arguments.add(at);
      arguments.add(after.get().id());
    } else {
      sql.append(" AND status_at < ?");
      arguments.add(JobCursor.sortable(query.until()));
    }
    sql.append(" ORDER BY status_at DESC, id DESC LIMIT ?");
    String text = sql.toString();
    return query.page(
        database.read(
            connection -> {
              List<Object> values = new ArrayList<>(arguments);
              values.add(query.limit() + 1);
              return Statements.rows(connection, text, SqliteJobStore::record, values.toArray());
            }));
  }

  private static Optional<JobRecord> select(Connection connection, String id) throws SQLException {
    try (ResultSet row = Statements.prepare(connection, SELECT, id).executeQuery()) {
      return row.next() ? Optional.of(record(row)) : Optional.empty();
    }
  }

  static JobRecord record(ResultSet row) throws SQLException {
    String error = row.getString("error");
    String progress = row.getString("progress");
    int timeout = row.getInt("timeout_seconds");
    Integer timeoutSeconds = row.wasNull() ? null : timeout;
    return new JobRecord(
        row.getString("id"),
        JobStatus.valueOf(row.getString("status")),
        row.getString("type"),
        (ObjectNode) json(row.getString("parameters")),
        json(row.getString("result")),
        error == null ? null : JobJson.MAPPER.readValue(error, JobError.class),
        row.getInt("attempts"),
        instant(row.getString("started_at")),
        instant(row.getString("finished_at")),
        row.getLong("expires_at"),
        progress == null ? null : JobJson.MAPPER.readValue(progress, JobProgress.class),
        instant(row.getString("heartbeat_at")),
        instant(row.getString("cancel_requested_at")),
        timeoutSeconds,
        instant(row.getString("queued_at")));
  }

  /**
   * Writes a job's new record and, in the same transaction, moves the counters of {@code GET
   * /jobs/stats} from where its old record counted to where the new one counts: they never differ
   * from what reading every job would add up.
   */
  private static void write(Connection connection, Optional<JobRecord> current, JobRecord job)
      throws SQLException {
    upsert(connection, job);
    StatsTable.apply(connection, new StatsDeltas().change(current, Optional.of(job)));
  }

  private static void upsert(Connection connection, JobRecord job) throws SQLException {
    Statements.prepare(
            connection,
            "INSERT OR REPLACE INTO jobs (id, status, type, parameters, result, error, attempts,"
                + " started_at, finished_at, expires_at, status_at, progress, heartbeat_at,"
                + " cancel_requested_at, timeout_seconds, queued_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            job.id(),
            job.status().name(),
            job.type(),
            text(job.parameters()),
            text(job.result()),
            job.error() == null ? null : JobJson.MAPPER.writeValueAsString(job.error()),
            job.attempts(),
            text(job.startedAt()),
            text(job.finishedAt()),
            job.expiresAt(),
            statusAt(job),
            job.progress() == null ? null : JobJson.MAPPER.writeValueAsString(job.progress()),
            text(job.heartbeatAt()),
            text(job.cancelRequestedAt()),
            job.timeoutSeconds(),
            text(job.queuedAt()))
        .executeUpdate();
  }

  /** The list's sort column: the status time as sortable text. */
  static String statusAt(JobRecord job) {
    Instant at = JobCursor.statusTime(job);
    return at == null ? null : JobCursor.sortable(at);
  }

  private static String text(JsonNode node) {
    return node == null ? null : JobJson.MAPPER.writeValueAsString(node);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static JsonNode json(String text) {
    return text == null ? null : JobJson.MAPPER.readTree(text);
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
