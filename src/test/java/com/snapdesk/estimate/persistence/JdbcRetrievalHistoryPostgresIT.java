package com.snapdesk.estimate.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** The estimate's samples query, every case of {@link JdbcRetrievalHistoryTest}, on a real PostgreSQL server. */
class JdbcRetrievalHistoryPostgresIT extends JdbcRetrievalHistoryTest {

  static EmbeddedPostgres postgres;
  static JdbcClient shared;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    var dataSource = postgres.getPostgresDatabase();
    try (var connection = dataSource.getConnection()) {
      for (String migration : new String[] {"V1__tickets.sql", "V3__sla_event.sql", "V10__restore_drills.sql"}) {
        ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/" + migration));
      }
    }
    shared = JdbcClient.create(dataSource);
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  JdbcClient open() {
    return shared;
  }

  @AfterEach
  void empty() {
    shared.sql("truncate restore_drill, sla_event, ticket_event, ticket cascade").update();
  }
}
