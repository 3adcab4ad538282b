package com.snapdesk.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The local backend ({@code snapdesk.backend=local}) keeps retrieved data in folders on one node's disk, so on a
 * shared PostgreSQL it may run on one node only: the node holds a session-level advisory lock, on a connection of
 * its own, for its whole life. A second node with the local backend finds the lock taken and refuses to start,
 * before its engine starts. PostgreSQL frees the lock with the connection, when the node stops or dies. The
 * embedded H2 is one node by nature; nothing is locked there. {@code snapdesk.local.allow-several-nodes=true}
 * turns the rule off, for nodes that share one recovery folder (and inventory file) or tests.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "snapdesk.backend", havingValue = "local", matchIfMissing = true)
class LocalBackendLock {

  /** Snapdesk's advisory lock keys: 7_301_210_001 start-up, 002 the data-retention cleanup, 003 this. */
  static final long LOCK_KEY = 7_301_210_003L;
  static final String APPLICATION_NAME = "snapdesk local backend";

  @Bean
  @ConditionalOnProperty(name = "snapdesk.local.allow-several-nodes", havingValue = "false", matchIfMissing = true)
  static LocalBackendLockHolder localBackendLockHolder() {
    return new LocalBackendLockHolder();
  }

  static final class LocalBackendLockHolder implements BeanPostProcessor, EnvironmentAware, DisposableBean, Ordered {
    private static final Logger log = LoggerFactory.getLogger(LocalBackendLock.class);
    private String nodeId = "this node";
    private Connection held;
    private boolean tried;

    @Override
    public void setEnvironment(Environment environment) {
      nodeId = environment.getProperty("snapdesk.node.id", nodeId);
    }

    @Override
    public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
      if (!tried && bean instanceof DataSource dataSource) {
        tried = true;
        acquire(dataSource);
      }
      return bean;
    }

    private void acquire(DataSource dataSource) {
      Connection connection = null;
      try {
        connection = dataSource.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
          connection.close();
          return;
        }
        describeSession(connection);
        if (!tryLock(connection)) {
          String holder = holder(connection);
          connection.close();
          throw new SingleNodeBackendException(holder);
        }
        held = connection;
        log.info("Local backend: this node is the only one on this database (advisory lock {})", LOCK_KEY);
      } catch (SQLException e) {
        closeQuietly(connection);
        // The database is not there yet: the app fails on it anyway, with the pool's own message.
        log.warn("Could not take the local backend's single-node lock: {}", e.getMessage());
      }
    }

    /**
     * The name shows in pg_stat_activity, so the next node (and an operator) can tell who holds the lock. Keepalives
     * of this session only: if this node's host dies without closing the socket, PostgreSQL notices within about a
     * minute (not the operating system's two hours) and frees the lock for the node that replaces it. Best effort.
     */
    private void describeSession(Connection connection) {
      try (PreparedStatement session = connection.prepareStatement("select set_config('application_name', ?, false),"
          + " set_config('tcp_keepalives_idle', '30', false), set_config('tcp_keepalives_interval', '10', false),"
          + " set_config('tcp_keepalives_count', '3', false)")) {
        session.setString(1, APPLICATION_NAME + " " + nodeId);
        session.execute();
      } catch (SQLException e) {
        log.debug("Could not name the local backend's lock session: {}", e.getMessage());
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

    /** Who holds the lock, as far as PostgreSQL shows it; the lock's bigint is split into classid and objid. */
    private static String holder(Connection connection) {
      try (PreparedStatement query = connection.prepareStatement("""
          select a.application_name, a.client_addr, a.backend_start from pg_locks l
          join pg_stat_activity a on a.pid = l.pid
          where l.locktype = 'advisory' and l.granted and l.classid = ? and l.objid = ? and l.objsubid = 1""")) {
        query.setLong(1, LOCK_KEY >>> 32);
        query.setLong(2, LOCK_KEY & 0xFFFF_FFFFL);
        try (ResultSet r = query.executeQuery()) {
          if (!r.next()) return null;
          String name = r.getString(1);
          String node = name != null && name.startsWith(APPLICATION_NAME + " ")
              ? name.substring(APPLICATION_NAME.length() + 1) : "another node";
          String address = r.getString(2);
          return node + (address == null ? "" : " at " + address) + ", connected since " + r.getObject(3);
        }
      } catch (SQLException e) {
        return null;
      }
    }

    @Override
    public synchronized void destroy() {
      closeQuietly(held);
      held = null;
    }

    private static void closeQuietly(Connection connection) {
      if (connection == null) return;
      try {
        connection.close();
      } catch (SQLException ignored) {
        // PostgreSQL frees the lock with the session anyway
      }
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE; // before the start-up lock: a refused node need not wait its turn
    }
  }

  /** A second node with the local backend on one PostgreSQL. */
  static final class SingleNodeBackendException extends IllegalStateException {
    SingleNodeBackendException(String holder) {
      super("Another Snapdesk node with the local backend (snapdesk.backend=local) is already running on this"
          + " database" + (holder == null ? "" : " (" + holder + ")") + ". The local backend keeps retrieved data"
          + " in folders on one node's disk, so it runs on one node only; this node does not start.");
    }

    String action() {
      return "For a cluster, use the AWS backend on every node (SPRING_PROFILES_ACTIVE=postgres,aws, see the"
          + " README's \"AWS backend\"). To run the local backend, stop the other node first. Only if every node"
          + " sees the same recovery folder and inventory file, set snapdesk.local.allow-several-nodes=true.";
    }
  }
}
