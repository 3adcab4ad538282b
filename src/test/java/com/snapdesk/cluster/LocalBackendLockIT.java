package com.snapdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Two application contexts with the local backend on one embedded PostgreSQL: the second refuses to start, saying
 * why and what to do; once the first has stopped, a node starts again. The aws backend and the explicit opt-out are
 * not held back.
 */
class LocalBackendLockIT {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  ApplicationContextRunner node(String id) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withUserConfiguration(LocalBackendLock.class)
        .withPropertyValues("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "spring.datasource.username=postgres", "spring.datasource.password=postgres", "snapdesk.node.id=" + id);
  }

  @Test
  void aSecondLocalBackendNodeOnTheSameDatabaseRefusesToStart() {
    // given a node with the local backend running on the database
    node("desk-a").run(first -> {
      assertThat(first).hasNotFailed();
      first.getBean(DataSource.class).getConnection().close();

      // when a second one starts on it
      node("desk-b").run(second -> {
        // then it fails, naming the reason, the node that holds the database and the fix
        assertThat(second).hasFailed();
        var analysis = analyse(second.getStartupFailure());
        assertThat(analysis.getDescription())
            .contains("Another Snapdesk node with the local backend (snapdesk.backend=local) is already running")
            .contains("desk-a")
            .contains("one node only");
        assertThat(analysis.getAction()).contains("AWS backend").contains("SPRING_PROFILES_ACTIVE=postgres,aws");
      });

      // and nodes with the aws backend, or the explicit opt-out, are not held back
      node("desk-c").withPropertyValues("snapdesk.backend=aws").run(aws -> assertThat(aws).hasNotFailed());
      node("desk-d").withPropertyValues("snapdesk.local.allow-several-nodes=true")
          .run(shared -> assertThat(shared).hasNotFailed());
    });

    // when the first node has stopped, then another starts
    node("desk-b").run(again -> assertThat(again).hasNotFailed());
  }

  private static FailureAnalysis analyse(Throwable failure) {
    var analysis = new SingleNodeBackendFailureAnalyzer().analyze(failure);
    assertThat(analysis).as("the failure is the single-node refusal: " + failure).isNotNull();
    return analysis;
  }
}
