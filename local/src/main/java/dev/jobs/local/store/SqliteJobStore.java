package dev.jobs.local.store;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobProgress;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobCursor;
import dev.jobs.backend.store.JobPage;
import dev.jobs.backend.store.JobQuery;
import dev.jobs.backend.store.JobStore;
import dev.jobs.backend.store.JobTransitions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job store on the local SQLite database, with the DynamoDB adapter's conditional transitions.
 * Each transition reads and writes inside one write of the group commit; the single writer makes
 * the read and the write atomic, as DynamoDB's condition expression does.
 */
public final class SqliteJobStore implements JobStore {
  private static final String COLUMNS =
      "id, status, type, parameters, result, error, attempts, started_at, finished_at, expires_at,"
          + " progress, heartbeat_at, cancel_requested_at, timeout_seconds";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM jobs WHERE id = ?";

  private final Database database;

  public SqliteJobStore(Database database) {
    this.database = database;
  }

  @Override
  public Optional<JobRecord> find(String id) {
    return database.read(connection -> select(connection, id));
  }

  @Override
  public Optional<JobRecord> start(JobStart start) {
    return transition(start.id(), current -> JobTransitions.start(current, start));
  }

  @Override
  public boolean succeed(String id, JsonNode result, Instant finishedAt) {
    return transition(id, current -> JobTransitions.succeed(current, result, finishedAt))
        .isPresent();
  }

  @Override
  public boolean fail(JobFailure failure) {
    return transition(failure.id(), current -> JobTransitions.fail(current, failure)).isPresent();
  }

  @Override
  public Heartbeat progress(String id, int attempt, JobProgress progress, Instant at) {
    return JobTransitions.heartbeat(
        transition(id, current -> JobTransitions.progress(current, attempt, progress, at)));
  }

  @Override
  public CancelResult cancel(String id, Instant at, long expiresAt) {
    return database.write(
        connection -> {
          Optional<JobRecord> current = select(connection, id);
          CancelResult result = JobTransitions.cancel(current, id, at, expiresAt);
          if (current.isEmpty() || !current.get().equals(result.record())) {
            upsert(connection, result.record());
          }
          return result;
        });
  }

  @Override
  public boolean cancelled(String id, int attempt, Instant finishedAt) {
    return transition(id, current -> JobTransitions.cancelled(current, attempt, finishedAt))
        .isPresent();
  }

  /**
   * Reads the job and writes what the transition makes of it, in one write of the group commit;
   * returns the record written, or empty when the transition was refused.
   */
  private Optional<JobRecord> transition(
      String id, Function<Optional<JobRecord>, Optional<JobRecord>> next) {
    return database.write(
        connection -> {
          Optional<JobRecord> written = next.apply(select(connection, id));
          if (written.isPresent()) {
            upsert(connection, written.get());
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

  private static JobRecord record(ResultSet row) throws SQLException {
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
        timeoutSeconds);
  }

  private static void upsert(Connection connection, JobRecord job) throws SQLException {
    Statements.prepare(
            connection,
            "INSERT OR REPLACE INTO jobs (id, status, type, parameters, result, error, attempts,"
                + " started_at, finished_at, expires_at, status_at, progress, heartbeat_at,"
                + " cancel_requested_at, timeout_seconds)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            job.timeoutSeconds())
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
