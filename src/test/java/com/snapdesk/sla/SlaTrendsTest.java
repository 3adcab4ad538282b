package com.snapdesk.sla;

import static com.snapdesk.sla.SlaClockKind.DELIVERY;
import static com.snapdesk.sla.SlaClockKind.FIRST_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaHistory.Outcomes;
import com.snapdesk.sla.SlaTrends.Week;
import com.snapdesk.sla.persistence.JdbcSlaEventLog;
import com.snapdesk.sla.persistence.JdbcSlaHistory;
import com.snapdesk.support.MutableClock;
import com.snapdesk.support.SlaDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The weekly trend figures from a recorded history, on H2 with the real SQL. */
class SlaTrendsTest {

  /** A Thursday: the current week began on Monday 2026-11-23. */
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  static final Instant THIS_MONDAY = Instant.parse("2026-11-23T00:00:00Z");

  private final SlaDatabase db = SlaDatabase.create();
  private final MutableClock clock = new MutableClock(NOW);
  private final SlaTracker sla = new SlaTracker(new JdbcSlaEventLog(db.jdbc()), SlaProperties.defaults(), clock);
  private final JdbcSlaHistory history = new JdbcSlaHistory(db.jdbc());
  private final List<List<Instant>> drillQueries = new ArrayList<>();
  private final DrillTrendHistory drills = (boundaries, env) -> {
    drillQueries.add(boundaries);
    List<DrillTrendHistory.PeriodOutcomes> weeks = new ArrayList<>();
    for (int i = 1; i < boundaries.size(); i++) weeks.add(new DrillTrendHistory.PeriodOutcomes(i, i == 12 ? 1 : 0));
    return weeks;
  };
  private final SlaTrends trends = new SlaTrends(history, drills);

  @AfterEach
  void shutDown() {
    db.close();
  }

  @Test
  void cutsTheLastTwelveWeeksAtMondayMidnightUtc() {
    assertThat(SlaTrends.weekStarts(NOW)).hasSize(12)
        .startsWith(Instant.parse("2026-09-07T00:00:00Z"))
        .endsWith(THIS_MONDAY);
    assertThat(SlaTrends.weekStarts(THIS_MONDAY)).endsWith(THIS_MONDAY);
  }

  @Test
  void givesMetPercentAndP90PerWeekAndEnvironment() {
    // given, three weeks ago, production: first responses after 30 (met) and 90 minutes (breached)
    Instant threeWeeksAgo = THIS_MONDAY.minus(Duration.ofDays(21)).plus(Duration.ofHours(10));
    ticket("a", Environment.PRODUCTION, threeWeeksAgo, 30, 5 * 60);
    ticket("b", Environment.PRODUCTION, threeWeeksAgo, 90, 6 * 60);
    // and this week a production ticket answered in 20 minutes, and a staging one in 10
    ticket("c", Environment.PRODUCTION, THIS_MONDAY.plus(Duration.ofHours(9)), 20, 4 * 60);
    ticket("d", Environment.STAGING, THIS_MONDAY.plus(Duration.ofHours(9)), 10, 3 * 60);
    clock.set(NOW);

    // when the trends are computed for all environments
    var result = trends.weekly(NOW, null);

    // then each environment has twelve weeks, empty ones with no figures
    assertThat(result.weekStarts()).isEqualTo(SlaTrends.weekStarts(NOW));
    assertThat(result.environments()).extracting(e -> e.environment())
        .containsExactly(Environment.PRODUCTION, Environment.STAGING);
    List<Week> production = result.environments().get(0).weeks();
    assertThat(production).hasSize(12);
    assertThat(production).extracting(w -> w.firstResponse().total())
        .containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 2L, 0L, 0L, 1L);
    Week busy = production.get(8);
    assertThat(busy.start()).isEqualTo(THIS_MONDAY.minus(Duration.ofDays(21)));
    assertThat(busy.firstResponse().metPercent()).isEqualTo(50.0);
    // p90 of 30 and 90 minutes, interpolated: 30 + 0.9 * 60 = 84 minutes
    assertThat(busy.firstResponse().p90()).isEqualTo(Duration.ofMinutes(84));
    assertThat(busy.delivery().total()).isEqualTo(2);
    assertThat(production.get(7).firstResponse().metPercent()).isNull();
    assertThat(result.environments().get(1).weeks().get(11).firstResponse())
        .extracting(Outcomes::met, Outcomes::breached, Outcomes::p90)
        .containsExactly(1L, 0L, Duration.ofMinutes(10));
    assertThat(result.drills()).extracting(d -> d.passed(), d -> d.failed())
        .startsWith(tuple(1L, 0L)).endsWith(tuple(12L, 1L));
    assertThat(drillQueries.get(0)).hasSize(13).endsWith(NOW);
  }

  @Test
  void eachWeekMatchesThePeriodFiguresOfThatWeek() {
    // given a history spread over the weeks
    for (int week = 0; week < 12; week++) {
      Instant monday = THIS_MONDAY.minus(Duration.ofDays(7L * (11 - week)));
      for (int i = 0; i <= week % 4; i++) {
        ticket("w" + week + "-" + i, Environment.PRODUCTION, monday.plus(Duration.ofHours(9 + i)), 15L * (i + week % 5),
            60L * (2 + i));
      }
    }
    clock.set(NOW);

    var weeks = trends.weekly(NOW, Environment.PRODUCTION).environments().get(0).weeks();

    // then every week's chart figures equal what the period table computes for that week
    for (int i = 0; i < 12; i++) {
      Instant end = i == 11 ? NOW : weeks.get(i + 1).start().minusNanos(1000);
      var table = history.outcomes(weeks.get(i).start(), end, Environment.PRODUCTION);
      assertThat(weeks.get(i).firstResponse()).as("first response, week %d", i).isEqualTo(table.get(FIRST_RESPONSE));
      assertThat(weeks.get(i).delivery()).as("delivery, week %d", i).isEqualTo(table.get(DELIVERY));
    }
  }

  @Test
  void anEnvironmentWithoutHistoryStillHasItsTwelveEmptyWeeks() {
    var result = trends.weekly(NOW, Environment.INTEGRATION);

    assertThat(result.environments()).singleElement().satisfies(e -> {
      assertThat(e.environment()).isEqualTo(Environment.INTEGRATION);
      assertThat(e.weeks()).hasSize(12).allSatisfy(w -> assertThat(w.firstResponse()).isEqualTo(Outcomes.NONE));
    });
  }

  private void ticket(String id, Environment env, Instant submitted, long firstResponseMinutes, long deliveryMinutes) {
    clock.set(submitted);
    sla.start(id, env);
    clock.set(submitted.plus(Duration.ofMinutes(firstResponseMinutes)));
    sla.stop(id, FIRST_RESPONSE);
    clock.set(submitted.plus(Duration.ofMinutes(deliveryMinutes)));
    sla.stop(id, DELIVERY);
  }
}
