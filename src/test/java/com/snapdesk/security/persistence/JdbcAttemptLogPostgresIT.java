package com.snapdesk.security.persistence;

import com.snapdesk.support.MigratedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every case of {@link JdbcAttemptLogTest} on a real PostgreSQL server, where a key's first insert waits for another
 * node's uncommitted one and a failed statement would end the transaction without its savepoint.
 */
class JdbcAttemptLogPostgresIT extends JdbcAttemptLogTest {

  static MigratedPostgres postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = MigratedPostgres.start("V8__rate_limits.sql");
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  DataSource open() {
    return postgres.dataSource();
  }

  @Override
  void close(JdbcClient jdbc) {
    jdbc.sql("truncate rate_limit_attempt, rate_limit_key").update();
  }
}
