package dev.jobs.local.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on a connection: one write of a group commit, or one read. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
