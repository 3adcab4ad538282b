package com.snapdesk.sla.persistence;

import static com.snapdesk.sla.SlaClockKind.DELIVERY;
import static com.snapdesk.sla.SlaClockKind.FIRST_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaProperties;
import com.snapdesk.sla.SlaTracker;
import com.snapdesk.support.MutableClock;
import com.snapdesk.support.SlaDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shows that a dashboard can answer its questions from {@code sla_event} alone, with SQL that runs on
 * H2 and PostgreSQL: no replay of history and no join to the ticket table.
 */
class SlaDashboardQueriesTest {

  static final Instant T = Instant.parse("2026-11-26T09:00:00Z");

  private final SlaDatabase db = SlaDatabase.create();
  private final JdbcClient jdbc = db.jdbc();
  private final MutableClock now = new MutableClock(T);
  private final SlaTracker sla = new SlaTracker(new JdbcSlaEventLog(jdbc), SlaProperties.defaults(),
      now);

  @BeforeEach
  void history() {
    // a: production, first response after 30 min (met), delivered after 7 h with 2 h waiting on the customer (met)
    at(0, () -> sla.start("a", Environment.PRODUCTION));
    at(30, () -> { sla.stop("a", FIRST_RESPONSE); sla.pause("a", "waiting for the customer"); });
    at(150, () -> sla.resume("a"));
    at(7 * 60, () -> sla.stop("a", DELIVERY));
    // b: production, first response after 90 min (breached), then cancelled
    at(0, () -> sla.start("b", Environment.PRODUCTION));
    at(45, () -> sla.escalated("b", FIRST_RESPONSE));
    at(90, () -> sla.stop("b", FIRST_RESPONSE));
    at(100, () -> sla.end("b", "cancelled by the customer"));
    // c: staging, first response after 1 h (met), now waiting on an archive restore
    at(0, () -> sla.start("c", Environment.STAGING));
    at(60, () -> { sla.stop("c", FIRST_RESPONSE); sla.pause("c", "archive restore"); });
    // d: staging, no answer yet
    at(120, () -> sla.start("d", Environment.STAGING));
    now.set(T.plus(Duration.ofHours(8)));
  }

  @AfterEach
  void shutDown() {
    db.close();
  }

  @Test
  void countsMetAndBreachedPerEnvironmentAndClock() {
    var counts = jdbc.sql("""
            select environment, clock, type, count(*) from sla_event
            where type in ('MET', 'BREACHED')
            group by environment, clock, type
            order by environment, clock, type""")
        .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();

    assertThat(counts).containsExactly(
        tuple("PRODUCTION", "DELIVERY", "MET", 1L),
        tuple("PRODUCTION", "FIRST_RESPONSE", "BREACHED", 1L),
        tuple("PRODUCTION", "FIRST_RESPONSE", "MET", 1L),
        tuple("STAGING", "FIRST_RESPONSE", "MET", 1L));
  }

  @Test
  void measuresTimeToDeliveryWithoutTheTimeSpentWaiting() {
    // delivery of "a" took 7 h on the wall clock, 5 h of it SLA time
    var median = jdbc.sql("""
            select percentile_cont(0.5) within group (order by elapsed_seconds) from sla_event
            where clock = 'DELIVERY' and type in ('MET', 'BREACHED')""")
        .query(Double.class).single();

    assertThat(median).isEqualTo(5 * 3600.0);
  }

  @Test
  void findsOpenClocksAndWhatTheyHaveUsed() {
    // the latest row of each clock, escalations aside, tells whether it runs, is paused or finished;
    // a running clock has used elapsed_seconds plus the time since occurred_at
    var open = jdbc.sql("""
            select ticket_id, clock, type, elapsed_seconds, target_seconds, occurred_at from (
              select e.*, row_number() over (partition by ticket_id, clock order by occurred_at desc, id desc) as rn
              from sla_event e where type <> 'ESCALATED') latest
            where rn = 1 and type in ('STARTED', 'PAUSED', 'RESUMED')
            order by ticket_id, clock""")
        .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
            rs.getObject(6, OffsetDateTime.class).toInstant()))
        .list();

    assertThat(open).containsExactly(
        tuple("c", "DELIVERY", "PAUSED", 3600L, 86400L, T.plus(Duration.ofMinutes(60))),
        tuple("d", "DELIVERY", "STARTED", 0L, 86400L, T.plus(Duration.ofMinutes(120))),
        tuple("d", "FIRST_RESPONSE", "STARTED", 0L, 14400L, T.plus(Duration.ofMinutes(120))));
  }

  private void at(int minutes, Runnable action) {
    now.set(T.plus(Duration.ofMinutes(minutes)));
    action.run();
  }
}
