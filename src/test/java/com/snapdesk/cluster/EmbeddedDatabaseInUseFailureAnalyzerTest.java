package com.snapdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseInUseFailureAnalyzerTest {

  final EmbeddedDatabaseInUseFailureAnalyzer analyzer = new EmbeddedDatabaseInUseFailureAnalyzer();

  @Test
  void explainsAnH2FileLockedByAnotherProcessDeepInTheBeanCreationChain() {
    // given H2's own "already in use", as the first bean to open the database wraps it
    SQLException inUse = DbException.get(ErrorCode.DATABASE_ALREADY_OPEN_1, "/srv/snapdesk/data/snapdesk.mv.db")
        .getSQLException();
    var failure = new IllegalStateException("Error creating bean 'a'",
        new IllegalStateException("Error creating bean 'flywayInitializer'", new RuntimeException(inUse)));

    // when
    var analysis = analyzer.analyze(failure);

    // then it says which file, that the embedded default is single-node, and what to run instead
    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription()).contains("/srv/snapdesk/data/snapdesk.mv.db", "single-node")
        .doesNotContain("Possible solutions", ".)");
    assertThat(analysis.getAction()).contains("Stop the other Snapdesk", "SPRING_PROFILES_ACTIVE=postgres");
    assertThat(analysis.getCause()).isSameAs(inUse);
  }

  @Test
  void leavesOtherDatabaseFailuresToSpringBoot() {
    SQLException otherH2 = DbException.get(ErrorCode.WRONG_USER_OR_PASSWORD).getSQLException();
    SQLException sameStateNotH2 = new SQLException("refused", EmbeddedDatabaseInUseFailureAnalyzer.DATABASE_IN_USE);

    assertThat(analyzer.analyze(new RuntimeException(otherH2))).isNull();
    assertThat(analyzer.analyze(new RuntimeException(sameStateNotH2))).isNull();
    assertThat(analyzer.analyze(new RuntimeException("no database at all"))).isNull();
  }
}
