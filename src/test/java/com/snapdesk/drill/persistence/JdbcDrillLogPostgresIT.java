package com.snapdesk.drill.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.drill.DrillOutcome;
import com.snapdesk.drill.DrillPointPolicy;
import com.snapdesk.drill.RestoreDrill;
import com.snapdesk.project.Environment;
import com.snapdesk.support.MigratedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The V10 table and its adapter on a real PostgreSQL server (H2 runs them in every process test). */
class JdbcDrillLogPostgresIT {

  static final Instant SLOT = Instant.parse("2026-11-29T03:00:00Z");

  static MigratedPostgres postgres;
  static JdbcDrillLog log;

  @BeforeAll
  static void startPostgres() {
    postgres = MigratedPostgres.start("V10__restore_drills.sql");
    log = new JdbcDrillLog(postgres.jdbc());
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Test
  void aSlotIsScheduledOnceAndADrillReadsBackAsItEnded() {
    // given a drill of one slot, and a second node trying the same slot
    var drill = RestoreDrill.scheduled("DRILL-pg-1", "acme", Environment.PRODUCTION, SLOT, SLOT,
        DrillPointPolicy.RANDOM_WITHIN_WINDOW);
    assertThat(log.schedule(drill)).isTrue();
    assertThat(log.schedule(RestoreDrill.scheduled("DRILL-pg-1b", "acme", Environment.PRODUCTION, SLOT, SLOT,
        DrillPointPolicy.LATEST))).as("the same project, environment and slot again").isFalse();
    // and operators' drills (no slot) do not collide
    assertThat(log.schedule(RestoreDrill.scheduled("DRILL-pg-adhoc-1", "acme", Environment.STAGING, null, SLOT,
        DrillPointPolicy.LATEST))).isTrue();
    assertThat(log.schedule(RestoreDrill.scheduled("DRILL-pg-adhoc-2", "acme", Environment.STAGING, null,
        SLOT.plusSeconds(1), DrillPointPolicy.LATEST))).isTrue();

    // when it runs and passes after 90.2 seconds
    log.started("DRILL-pg-1", "rp-1", SLOT.minus(Duration.ofHours(1)), SLOT.plusSeconds(10));
    log.finished("DRILL-pg-1", DrillOutcome.PASSED, Duration.ofMillis(90_200), null, SLOT.plusSeconds(101));

    // then it reads back as recorded, the time to ready rounded up to whole seconds
    RestoreDrill read = log.find("DRILL-pg-1").orElseThrow();
    assertThat(read.outcome()).isEqualTo(DrillOutcome.PASSED);
    assertThat(read.policy()).isEqualTo(DrillPointPolicy.RANDOM_WITHIN_WINDOW);
    assertThat(read.recoveryPointId()).isEqualTo("rp-1");
    assertThat(read.readyAfter()).isEqualTo(Duration.ofSeconds(91));
    assertThat(read.slot()).isEqualTo(SLOT);
    assertThat(read.startedAt()).isEqualTo(SLOT.plusSeconds(10));
    assertThat(log.recent(2)).extracting(RestoreDrill::drillId).containsExactly("DRILL-pg-adhoc-2", "DRILL-pg-adhoc-1");
    assertThat(log.latestPerEnvironment()).extracting(RestoreDrill::drillId)
        .containsExactlyInAnyOrder("DRILL-pg-1", "DRILL-pg-adhoc-2");
    assertThat(log.unfinished()).isEqualTo(2);
  }
}
