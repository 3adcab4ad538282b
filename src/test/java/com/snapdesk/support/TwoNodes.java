package com.snapdesk.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Two packaged-jar nodes ({@code desk-a}, then {@code desk-b} once a is ready) on one embedded PostgreSQL, each with
 * its own folder under {@code work}: the cluster the cross-node tests talk to. Both use the local backend, which
 * refuses a second node unless told it may share its folders ({@code SNAPDESK_LOCAL_ALLOW_SEVERAL_NODES}).
 */
public final class TwoNodes implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private AppNode a;
  private AppNode b;

  private TwoNodes(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static TwoNodes start(Path work, String adminPassword) {
    FileSystemUtils.deleteRecursively(work.toFile());
    TwoNodes nodes;
    try {
      nodes = new TwoNodes(EmbeddedPostgres.builder().start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      nodes.a = nodes.node(work, "desk-a", adminPassword);
      nodes.a.awaitReady(Duration.ofMinutes(3));
      nodes.b = nodes.node(work, "desk-b", adminPassword);
      nodes.b.awaitReady(Duration.ofMinutes(3));
      return nodes;
    } catch (RuntimeException e) {
      nodes.close();
      throw e;
    }
  }

  private AppNode node(Path work, String id, String adminPassword) {
    return AppNode.jar(AppNode.packagedJar()).workDir(work.resolve(id))
        .onPostgres(postgres.getPort(), adminPassword).env("SNAPDESK_NODE_ID", id)
        .env("SNAPDESK_LOCAL_ALLOW_SEVERAL_NODES", "true") // two local-backend nodes, for the test
        .start();
  }

  public AppNode a() {
    return a;
  }

  public AppNode b() {
    return b;
  }

  /** The database both nodes use, for what a test reads behind them. */
  public DataSource database() {
    return postgres.getPostgresDatabase();
  }

  @Override
  public void close() {
    try {
      if (a != null) a.close();
      if (b != null) b.close();
    } finally {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
