package com.snapdesk.estimate.persistence;

import com.snapdesk.support.MigratedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The estimate's samples query, every case of {@link JdbcRetrievalHistoryTest}, on a real PostgreSQL server. */
class JdbcRetrievalHistoryPostgresIT extends JdbcRetrievalHistoryTest {

  static MigratedPostgres postgres;
  static JdbcClient shared;

  @BeforeAll
  static void startPostgres() {
    postgres = MigratedPostgres.start("V1__tickets.sql", "V3__sla_event.sql", "V10__restore_drills.sql");
    shared = postgres.jdbc();
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
