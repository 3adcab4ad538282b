package com.snapdesk.retention.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The retention scenario on a real PostgreSQL, and two nodes (two locks, each its own connection) at once. */
class RetentionPostgresIT extends RetentionScenario {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Override
  DataSource freshDatabase() {
    return postgres.getPostgresDatabase();
  }

  @Test
  void twoNodesAtOnceOneRuns() throws Exception {
    // given two nodes on one database, each with its own lock; when both run the job at once, then one runs
    assertOneOfTwoRuns(new DatabaseRunLock(dataSource), new DatabaseRunLock(dataSource));
  }
}
