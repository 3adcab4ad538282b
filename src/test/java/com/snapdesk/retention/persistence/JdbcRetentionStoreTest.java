package com.snapdesk.retention.persistence;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The retention scenario on the embedded default's H2 (one node: the lock is this JVM's). */
class JdbcRetentionStoreTest extends RetentionScenario {

  @Override
  DataSource freshDatabase() {
    var h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    return h2;
  }
}
