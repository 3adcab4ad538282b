package com.snapdesk.retention.persistence;

import com.snapdesk.retention.RunLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One cleanup at a time across the cluster: a session-level PostgreSQL advisory lock on a connection kept for the
 * run (as cluster.StartupLock does for start-up), so a node that dies mid-run frees it with its connection. Other
 * databases (the embedded H2) have one node; there a lock in this JVM is enough, and it also keeps two threads of
 * one node from both asking PostgreSQL.
 */
@Component
class DatabaseRunLock implements RunLock {

  /** Snapdesk's advisory lock keys: 7_301_210_001 start-up, 002 this, 003 the local backend. */
  static final long LOCK_KEY = 7_301_210_002L;
  private static final Logger log = LoggerFactory.getLogger(DatabaseRunLock.class);

  private final DataSource dataSource;
  /** A permit, not a ReentrantLock: the same thread asking twice must be refused too. */
  private final Semaphore local = new Semaphore(1);

  DatabaseRunLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<Held> tryAcquire() {
    if (!local.tryAcquire()) return Optional.empty();
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return Optional.of(local::release);
      }
      if (!advisory(connection, "select pg_try_advisory_lock(?)")) {
        connection.close();
        local.release();
        return Optional.empty();
      }
      Connection held = connection;
      return Optional.of(() -> release(held));
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      local.release();
      log.warn("Data retention: could not take the cleanup lock, skipping this round: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private void release(Connection connection) {
    try {
      advisory(connection, "select pg_advisory_unlock(?)");
    } catch (SQLException e) {
      log.warn("Data retention: could not give back the cleanup lock (it goes with the connection): {}",
          e.getMessage());
    } finally {
      closeQuietly(connection);
      local.release();
    }
  }

  private static boolean advisory(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, LOCK_KEY);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) return;
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the pool discards it
    }
  }
}
