package com.snapdesk.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A real PostgreSQL server (embedded) with some of Snapdesk's Flyway migrations applied as they are, for an adapter's
 * SQL without the app: {@code static MigratedPostgres db = MigratedPostgres.start("V1__tickets.sql", …)} in
 * {@code @BeforeAll}, {@code db.close()} in {@code @AfterAll}.
 */
public final class MigratedPostgres implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final DataSource dataSource;

  private MigratedPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.dataSource = postgres.getPostgresDatabase();
  }

  /** @param migrations file names under {@code db/migration/}, applied in this order */
  public static MigratedPostgres start(String... migrations) {
    try {
      var db = new MigratedPostgres(EmbeddedPostgres.builder().start());
      try (var connection = db.dataSource.getConnection()) {
        for (String migration : migrations) {
          ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/" + migration));
        }
      }
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
