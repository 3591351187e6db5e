package dev.jobs.local.store;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.job.JobStatus;
import dev.jobs.backend.store.JobCursor;
import dev.jobs.backend.store.JobPage;
import dev.jobs.backend.store.JobQuery;
import dev.jobs.backend.store.JobStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job store on the local SQLite database, with the DynamoDB adapter's conditional transitions.
 * Each transition reads and writes inside one write of the group commit; the single writer makes
 * the read and the write atomic, as DynamoDB's condition expression does.
 */
public final class SqliteJobStore implements JobStore {
  private static final String COLUMNS =
      "id, status, type, parameters, result, error, attempts, started_at, finished_at, expires_at";
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
    return database.write(
        connection -> {
          Optional<JobRecord> current = select(connection, start.id());
          if (!start.allows(current)) {
            return Optional.empty();
          }
          Instant startedAt =
              start.replay() || current.isEmpty() || current.get().startedAt() == null
                  ? start.startedAt()
                  : current.get().startedAt();
          JobRecord next =
              new JobRecord(
                  start.id(),
                  JobStatus.RUNNING,
                  start.type(),
                  start.parameters(),
                  null,
                  null,
                  current.map(JobRecord::attempts).orElse(0) + 1,
                  startedAt,
                  null,
                  start.expiresAt());
          upsert(connection, next);
          return Optional.of(next);
        });
  }

  @Override
  public boolean succeed(String id, JsonNode result, Instant finishedAt) {
    return database.write(
        connection -> {
          Optional<JobRecord> current = select(connection, id);
          if (current.isEmpty() || current.get().status() != JobStatus.RUNNING) {
            return false;
          }
          JobRecord job = current.get();
          upsert(
              connection,
              new JobRecord(
                  id,
                  JobStatus.SUCCEEDED,
                  job.type(),
                  job.parameters(),
                  result,
                  null,
                  job.attempts(),
                  job.startedAt(),
                  finishedAt,
                  job.expiresAt()));
          return true;
        });
  }

  @Override
  public boolean fail(JobFailure failure) {
    return database.write(
        connection -> {
          Optional<JobRecord> current = select(connection, failure.id());
          if (current.isPresent() && current.get().status() != JobStatus.RUNNING) {
            return false;
          }
          JobRecord job = current.orElse(null);
          upsert(
              connection,
              new JobRecord(
                  failure.id(),
                  JobStatus.FAILED,
                  job == null || job.type() == null ? failure.type() : job.type(),
                  job == null || job.parameters() == null ? failure.parameters() : job.parameters(),
                  null,
                  failure.error(),
                  job == null ? 0 : job.attempts(),
                  job == null ? null : job.startedAt(),
                  failure.finishedAt(),
                  failure.expiresAt()));
          return true;
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
        row.getLong("expires_at"));
  }

  private static void upsert(Connection connection, JobRecord job) throws SQLException {
    Statements.prepare(
            connection,
            "INSERT OR REPLACE INTO jobs (id, status, type, parameters, result, error, attempts,"
                + " started_at, finished_at, expires_at, status_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            job.id(),
            job.status().name(),
            job.type(),
            text(job.parameters()),
            text(job.result()),
            job.error() == null ? null : JobJson.MAPPER.writeValueAsString(job.error()),
            job.attempts(),
            job.startedAt() == null ? null : job.startedAt().toString(),
            job.finishedAt() == null ? null : job.finishedAt().toString(),
            job.expiresAt(),
            statusAt(job))
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

  private static JsonNode json(String text) {
    return text == null ? null : JobJson.MAPPER.readTree(text);
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
