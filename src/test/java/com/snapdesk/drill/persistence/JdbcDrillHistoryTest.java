package com.snapdesk.drill.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.snapdesk.sla.DrillTrendHistory.PeriodOutcomes;
import com.snapdesk.project.Environment;
import com.snapdesk.support.SlaDatabase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drill outcomes per period on H2, with {@code restore_drill} as the migration creates it. */
class JdbcDrillHistoryTest {

  static final Instant W1 = Instant.parse("2026-11-09T00:00:00Z");
  static final Instant W2 = Instant.parse("2026-11-16T00:00:00Z");
  static final Instant W3 = Instant.parse("2026-11-23T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final SlaDatabase db = SlaDatabase.withTicketsAndDrills();
  private final JdbcDrillLog drills = new JdbcDrillLog(db.jdbc());

  @AfterEach
  void shutDown() {
    db.close();
  }

  @Test
  void countsPassesAndFailuresByTheWeekTheyFinished() {
    // given drills finished in each week, one before, and one still running
    drill("d0", "PRODUCTION", "PASSED", "2026-11-08T23:59:00Z");
    drill("d1", "PRODUCTION", "PASSED", "2026-11-09T00:00:00Z");
    drill("d2", "STAGING", "FAILED", "2026-11-15T23:59:59Z");
    drill("d3", "PRODUCTION", "TIMED_OUT", "2026-11-16T03:00:00Z");
    drill("d4", "PRODUCTION", "PASSED", "2026-11-24T03:00:00Z");
    drill("d5", "PRODUCTION", "PASSED", "2026-11-26T12:00:00Z");
    drill("d6", "PRODUCTION", "RUNNING", null);

    // when counting per week
    List<PeriodOutcomes> all = drills.outcomesPerPeriod(List.of(W1, W2, W3, NOW), null);
    List<PeriodOutcomes> production = drills.outcomesPerPeriod(List.of(W1, W2, W3, NOW), Environment.PRODUCTION);

    // then a drill counts in the week it finished; timed out is a failure
    assertThat(all).extracting(PeriodOutcomes::passed, PeriodOutcomes::failed)
        .containsExactly(tuple(1L, 1L), tuple(0L, 1L), tuple(2L, 0L));
    assertThat(production).extracting(PeriodOutcomes::passed, PeriodOutcomes::failed)
        .containsExactly(tuple(1L, 0L), tuple(0L, 1L), tuple(2L, 0L));
  }

  private void drill(String id, String env, String outcome, String finishedAt) {
    db.jdbc().sql("""
            insert into restore_drill (drill_id, project_id, environment, start_at, policy, outcome, finished_at)
            values (:id, 'p', :env, :start, 'LATEST', :outcome, :at)""")
        .param("id", id).param("env", env).param("start", W1.minusSeconds(86400).atOffset(ZoneOffset.UTC))
        .param("outcome", outcome)
        .param("at", finishedAt == null ? null : Instant.parse(finishedAt).atOffset(ZoneOffset.UTC))
        .update();
  }
}
