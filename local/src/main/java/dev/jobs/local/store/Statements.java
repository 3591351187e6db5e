package dev.jobs.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per connection: compiling the SQL again for every write cost the single
 * writer more than the write itself. A connection is used by one thread at a time (the writer, or
 * the reader that borrowed it), so its statements are too; callers close result sets, never these.
 */
final class Statements {
  private static final Map<Connection, Map<String, PreparedStatement>> CACHE = new WeakHashMap<>();

  private Statements() {}

  /** Drops a connection's statements; called when the connection closes. */
  static void forget(Connection connection) {
    synchronized (CACHE) {
      CACHE.remove(connection);
    }
  }

  /**
   * The connection's statement for {@code sql}, with {@code values} bound to its parameters in
   * order: a {@code String}, {@code Long} or {@code Integer} as such, null as SQL's NULL.
   */
  static PreparedStatement prepare(Connection connection, String sql, Object... values)
      throws SQLException {
    PreparedStatement statement = prepare(connection, sql);
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    return statement;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** The rows a query with {@code values} bound selects, each read by {@code row}, in order. */
  static <T> List<T> rows(Connection connection, String sql, Row<T> row, Object... values)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (ResultSet result = prepare(connection, sql, values).executeQuery()) {
      while (result.next()) {
        rows.add(row.read(result));
      }
    }
    return rows;
  }

  static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    Map<String, PreparedStatement> statements;
    synchronized (CACHE) {
      statements = CACHE.computeIfAbsent(connection, c -> new HashMap<>());
    }
    PreparedStatement statement = statements.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    statement.clearParameters();
    return statement;
  }
}
