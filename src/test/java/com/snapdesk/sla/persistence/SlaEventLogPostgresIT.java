package com.snapdesk.sla.persistence;

import static com.snapdesk.sla.SlaClockKind.DELIVERY;
import static com.snapdesk.sla.SlaClockKind.FIRST_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaClockReading;
import com.snapdesk.sla.SlaEventType;
import com.snapdesk.sla.SlaOutcome;
import com.snapdesk.sla.SlaProperties;
import com.snapdesk.sla.SlaTracker;
import com.snapdesk.support.MigratedPostgres;
import com.snapdesk.support.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The V3 table, the adapter and the dashboard's period figures on a real PostgreSQL server. */
class SlaEventLogPostgresIT {

  static final Instant T = Instant.parse("2026-11-26T09:00:00Z");

  static MigratedPostgres postgres;
  static JdbcClient jdbc;

  private final MutableClock now = new MutableClock(T);
  private final SlaTracker sla = new SlaTracker(new JdbcSlaEventLog(jdbc), SlaProperties.defaults(), now);

  @BeforeAll
  static void startPostgres() {
    postgres = MigratedPostgres.start("V1__tickets.sql", "V3__sla_event.sql", "V5__sla_dashboard_indexes.sql");
    jdbc = postgres.jdbc();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Test
  void recordsAndReplaysClocksOnPostgres() {
    // given a production ticket that waited two hours on its customer
    sla.start("pg-1", Environment.PRODUCTION);
    now.set(T.plus(Duration.ofMinutes(30)));
    sla.stop("pg-1", FIRST_RESPONSE);
    sla.pause("pg-1", "waiting for the customer");
    now.set(T.plus(Duration.ofMinutes(150)));
    sla.resume("pg-1");

    // when delivering seven hours after submission
    now.set(T.plus(Duration.ofHours(7)));
    SlaOutcome delivery = sla.stop("pg-1", DELIVERY).orElseThrow();

    // then delivery is met after five hours of SLA time, and the table says so too
    assertThat(delivery.type()).isEqualTo(SlaEventType.MET);
    assertThat(delivery.elapsed()).isEqualTo(Duration.ofHours(5));
    assertThat(sla.deadline("pg-1", DELIVERY)).map(SlaClockReading::dueAt).contains(T.plus(Duration.ofHours(10)));
    Double median = jdbc.sql("""
            select percentile_cont(0.5) within group (order by elapsed_seconds) from sla_event
            where ticket_id = 'pg-1' and clock = 'DELIVERY' and type in ('MET', 'BREACHED')""")
        .query(Double.class).single();
    assertThat(median).isEqualTo(5 * 3600.0);
  }

  @Test
  void computesTheDashboardsPeriodFiguresOnPostgres() {
    // given two staging tickets: first responses after 1 h (met) and 5 h (breached), one delivered in 20 h
    sla.start("pg-2", Environment.STAGING);
    sla.start("pg-3", Environment.STAGING);
    now.set(T.plus(Duration.ofHours(1)));
    sla.stop("pg-2", FIRST_RESPONSE);
    now.set(T.plus(Duration.ofHours(5)));
    sla.stop("pg-3", FIRST_RESPONSE);
    now.set(T.plus(Duration.ofHours(20)));
    sla.stop("pg-2", DELIVERY);

    // when asking for staging's figures of the day, and for another environment
    var history = new JdbcSlaHistory(jdbc);
    var staging = history.outcomes(T, T.plus(Duration.ofDays(1)), Environment.STAGING);
    var integration = history.outcomes(T, T.plus(Duration.ofDays(1)), Environment.INTEGRATION);

    // then counts and percentiles come from the MET and BREACHED rows of that environment only
    var firstResponse = staging.get(FIRST_RESPONSE);
    assertThat(firstResponse.met()).isEqualTo(1);
    assertThat(firstResponse.breached()).isEqualTo(1);
    assertThat(firstResponse.p50()).isEqualTo(Duration.ofHours(3));
    assertThat(firstResponse.p90()).isEqualTo(Duration.ofMinutes(276));
    assertThat(firstResponse.max()).isEqualTo(Duration.ofHours(5));
    assertThat(staging.get(DELIVERY).met()).isEqualTo(1);
    assertThat(integration.get(FIRST_RESPONSE).total()).isZero();
    assertThat(integration.get(FIRST_RESPONSE).p50()).isNull();
  }
}
