package com.snapdesk.support;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * A fresh in-memory H2 with the {@code sla_event} table exactly as the migration creates it, so SLA tests run
 * the real SQL without booting the app. One per test: {@code private final SlaDatabase db = SlaDatabase.create();}
 * and {@code db.close()} in {@code @AfterEach}.
 */
public final class SlaDatabase implements AutoCloseable {

  private static final String MIGRATION = "db/migration/V3__sla_event.sql";

  private final EmbeddedDatabase db;
  private final JdbcClient jdbc;

  private SlaDatabase(String... moreMigrations) {
    var builder = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
        .addScript(MIGRATION);
    for (String script : moreMigrations) builder.addScript(script);
    db = builder.build();
    jdbc = JdbcClient.create(db);
  }

  public static SlaDatabase create() {
    return new SlaDatabase();
  }

  /** With the ticket tables (V1) and the restore drills (V10) too, for queries that read across them. */
  public static SlaDatabase withTicketsAndDrills() {
    return new SlaDatabase("db/migration/V1__tickets.sql", "db/migration/V10__restore_drills.sql");
  }

  public DataSource dataSource() {
    return db;
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  @Override
  public void close() {
    db.shutdown();
  }
}
