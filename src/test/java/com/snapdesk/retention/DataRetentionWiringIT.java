package com.snapdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.support.EmbeddedAppTest;
import com.snapdesk.support.FixedClockConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cleanup as the app wires it: the engine's clock, Camunda's batch window, the real tables and counters. */
@EmbeddedAppTest
class DataRetentionWiringIT {

  @Autowired NightlyCleanup job;
  @Autowired PurgeExpiredData purge;
  @Autowired JdbcClient sql;
  @Autowired MeterRegistry registry;

  @AfterEach
  void pinTheClockAgain() {
    FixedClockConfiguration.pin();
  }

  @Test
  void theAppsJobRunsOnTheEngineClockInCamundasWindow() {
    // given a ticket that ended in May and one still open since then
    insertTicket("SD-WIREDOLD1", "CANCELLED");
    insertTicket("SD-WIREDOPEN", "AWAITING_APPROVAL");
    double before = registry.get("snapdesk.retention.rows.removed").tag("kind", "tickets").counter().count();

    // then the window is Camunda's history cleanup window of application.yml
    assertThat(purge.window().start()).hasToString("01:00");
    assertThat(purge.window().end()).hasToString("05:00");

    // when the engine's clock says noon, nothing happens
    job.run();
    assertThat(ids()).contains("SD-WIREDOLD1", "SD-WIREDOPEN");

    // when it says 02:00 in the window's zone, the ended ticket goes and is counted; the open one stays
    ClockUtil.setCurrentTime(Date.from(FixedClockConfiguration.NOW.atZone(purge.window().zone())
        .withHour(2).toInstant()));
    job.run();
    assertThat(ids()).doesNotContain("SD-WIREDOLD1").contains("SD-WIREDOPEN");
    assertThat(registry.get("snapdesk.retention.rows.removed").tag("kind", "tickets").counter().count())
        .isGreaterThanOrEqualTo(before + 1);
  }

  private java.util.List<String> ids() {
    return sql.sql("select id from ticket where id like 'SD-WIRED%'").query(String.class).list();
  }

  private void insertTicket(String id, String status) {
    var may = Instant.parse("2026-05-01T10:00:00Z").atOffset(ZoneOffset.UTC);
    sql.sql("""
            insert into ticket (id, customer_email, customer_name, project_id, environment, scope, policy,
              requested_date, requested_time, timezone, utc_offset, requested_instant, earlier_offset_assumed,
              ambiguous_local_time, reason, status, created_at, updated_at)
            values (:id, 'ops@acme.example', 'Olga Ops', 'mx7k2p4qzt3rw', 'PRODUCTION', 'DATABASE', 'NEAREST',
              date '2026-04-30', '14:30', 'UTC', 'Z', :at, false, false, 'test', :status, :at, :at)""")
        .param("id", id).param("status", status).param("at", may).update();
  }
}
