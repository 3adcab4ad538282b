package com.snapdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.support.AppNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Two fresh nodes of the packaged jar started at the same moment on one empty PostgreSQL: both become ready, and the
 * database holds each group, right, filter and the admin once; a node started again later comes up as usual. A
 * second node with the local backend, which is single-node, refuses to start unless told the nodes share its folder.
 */
class ClusterStartIT {

  static final Path WORK = Path.of("target/cluster-start-it");
  static final String ADMIN_PASSWORD = "cluster-" + System.nanoTime();
  static EmbeddedPostgres postgres;

  @BeforeAll
  static void database() throws Exception {
    FileSystemUtils.deleteRecursively(WORK);
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) postgres.close();
  }

  /** Nodes of the local backend, allowed to run side by side (as if they shared its recovery folder). */
  static AppNode node(String id) {
    return localNode(id).env("SNAPDESK_LOCAL_ALLOW_SEVERAL_NODES", "true").start();
  }

  static AppNode.Builder localNode(String id) {
    return AppNode.jar(AppNode.packagedJar()).workDir(WORK.resolve(id))
        .onPostgres(postgres.getPort(), ADMIN_PASSWORD).env("SNAPDESK_NODE_ID", id);
  }

  @Test
  void twoNodesStartingTogetherOnAnEmptyDatabaseCreateEverythingOnce() {
    // given two nodes started at once on an empty database
    try (AppNode a = node("desk-a"); AppNode b = node("desk-b")) {
      // then both become ready
      a.awaitReady(Duration.ofMinutes(4));
      b.awaitReady(Duration.ofMinutes(4));
      assertThat(a.output() + b.output()).contains("Waiting for another node to finish starting");
    }

    // and everything the start-up creates exists once
    var sql = new JdbcTemplate(postgres.getPostgresDatabase());
    assertThat(sql.queryForObject("select count(*) from act_id_group where id_ in"
        + " ('support-agents', 'support-leads', 'managers', 'camunda-admin')", Integer.class)).isEqualTo(4);
    assertThat(sql.queryForObject("select count(*) from act_id_user where id_ = 'admin'", Integer.class)).isOne();
    assertThat(sql.queryForList("select name_ from act_ru_filter group by name_ having count(*) > 1", String.class))
        .as("Tasklist filters created twice").isEmpty();
    assertThat(sql.queryForObject("select count(*) from act_ru_filter", Integer.class)).isPositive();
    assertThat(sql.queryForList("select group_id_ || ' ' || resource_type_ || ' ' || resource_id_ from act_ru_authorization"
        + " where group_id_ is not null group by group_id_, resource_type_, resource_id_ having count(*) > 1",
        String.class)).as("rights granted twice").isEmpty();
    assertThat(sql.queryForObject("select count(*) from act_re_deployment where name_ = 'snapdesk'", Integer.class))
        .isOne();

    // when a node starts again, then it is ready as before
    try (AppNode a = node("desk-a")) {
      a.awaitReady(Duration.ofMinutes(3));
    }
  }

  @Test
  void aSecondNodeWithTheLocalBackendRefusesToStart() {
    // given a node with the local backend running on the database
    try (AppNode a = localNode("solo-a").start()) {
      a.awaitReady(Duration.ofMinutes(3));

      // when a second one starts on the same database
      try (AppNode b = localNode("solo-b").start()) {
        // then it exits, saying why and what to do instead
        assertThat(b.awaitExit(Duration.ofMinutes(2))).isNotZero();
        assertThat(b.output())
            .contains("APPLICATION FAILED TO START")
            .contains("Another Snapdesk node with the local backend (snapdesk.backend=local) is already running on"
                + " this database (solo-a")
            .contains("For a cluster, use the AWS backend");
      }
      // and the first node is still serving
      assertThat(a.isAlive()).isTrue();
    }
  }
}
