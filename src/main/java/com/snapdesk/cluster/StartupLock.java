package com.snapdesk.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Nodes on one PostgreSQL start one at a time. Camunda's schema creation and admin user, and Snapdesk's groups,
 * rights, Tasklist filters and demo data are all check-then-insert: two fresh nodes starting together would both
 * insert (or fail on the other's tables). So the first use of the database takes a session-level advisory lock on
 * a connection of its own, and the node gives it back once it is ready, after every start-up listener; a second
 * node waits for it. A node that dies while starting loses its connection, and PostgreSQL frees the lock with it.
 * On other databases (the embedded H2, one node by nature) nothing is locked.
 */
@Configuration(proxyBeanMethods = false)
class StartupLock {

  /** An arbitrary constant of Snapdesk's: the advisory lock every node asks for. */
  static final long LOCK_KEY = 7_301_210_001L;
  static final Duration WAIT = Duration.ofMinutes(10);

  @Bean
  static StartupLockHolder startupLockHolder() {
    return new StartupLockHolder();
  }

  static final class StartupLockHolder implements BeanPostProcessor, ApplicationListener<ApplicationEvent>, Ordered {
    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    private Connection held;
    private boolean tried;

    @Override
    public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
      if (!tried && bean instanceof DataSource dataSource) {
        tried = true;
        acquire(dataSource);
      }
      return bean;
    }

    private void acquire(DataSource dataSource) {
      try {
        Connection connection = dataSource.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
          connection.close();
          return;
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        long nextLog = 0;
        while (!tryLock(connection)) {
          if (System.nanoTime() > deadline) {
            connection.close();
            throw new IllegalStateException("Another Snapdesk node has been starting for over " + WAIT
                + " on this database; giving up (its start-up holds advisory lock " + LOCK_KEY + ")");
          }
          if (System.nanoTime() > nextLog) {
            log.info("Waiting for another node to finish starting on this database");
            nextLog = System.nanoTime() + Duration.ofSeconds(10).toNanos();
          }
          Thread.sleep(500);
        }
        held = connection;
      } catch (SQLException e) {
        // The database is not there yet: the app fails on it anyway, with the pool's own message.
        log.warn("Could not take the start-up lock: {}", e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
      }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
      try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
        lock.setLong(1, LOCK_KEY);
        try (ResultSet result = lock.executeQuery()) {
          return result.next() && result.getBoolean(1);
        }
      }
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationEvent event) {
      if (!(event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) || held == null) return;
      try (Connection connection = held;
           PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
        unlock.setLong(1, LOCK_KEY);
        unlock.execute();
      } catch (SQLException e) {
        log.warn("Could not give back the start-up lock (it goes with the connection): {}", e.getMessage());
      } finally {
        held = null;
      }
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE; // after the bootstrap listeners on ApplicationReadyEvent
    }
  }
}
