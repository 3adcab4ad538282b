package com.snapdesk.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaClockKind;
import com.snapdesk.sla.SlaEvent;
import com.snapdesk.sla.SlaEventType;
import com.snapdesk.sla.SlaLogEntry;
import com.snapdesk.support.SlaDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcSlaEventLogTest {

  static final Instant T = Instant.parse("2026-11-26T09:00:00Z");

  private final SlaDatabase db = SlaDatabase.create();
  private final JdbcClient jdbc = db.jdbc();
  private final JdbcSlaEventLog log = new JdbcSlaEventLog(jdbc);

  @AfterEach
  void shutDown() {
    db.close();
  }

  @Test
  void readsBackWhatWasAppendedInTimeOrder() {
    // given a pause recorded before the start it follows in time (a start back-dated to submission)
    var paused = new SlaLogEntry(new SlaEvent("SD-1", SlaClockKind.DELIVERY, SlaEventType.PAUSED,
        T.plusSeconds(600), "waiting for the customer"), Environment.STAGING, Duration.ofHours(24),
        Duration.ofMinutes(10));
    var started = new SlaLogEntry(new SlaEvent("SD-1", SlaClockKind.DELIVERY, SlaEventType.STARTED, T, null),
        Environment.STAGING, Duration.ofHours(24), Duration.ZERO);
    log.append(paused);
    log.append(started);

    // when reading the ticket's history
    // then it comes back as written, ordered by time
    assertThat(log.history("SD-1")).containsExactly(started, paused);
    assertThat(log.history("SD-2")).isEmpty();
  }

  @Test
  void keepsEventsForBothClocksWithoutTargets() {
    // given a seeded row that concerns both clocks
    var both = new SlaLogEntry(new SlaEvent("SD-1", null, SlaEventType.STARTED, T, "seeded"),
        Environment.PRODUCTION, null, null);

    // when writing and reading it
    log.append(both);

    // then the missing clock and durations stay missing
    assertThat(log.history("SD-1")).containsExactly(both);
  }

  @Test
  void roundsDurationsUpToWholeSeconds() {
    // given a clock breached by a fraction of a second
    log.append(new SlaLogEntry(new SlaEvent("SD-1", SlaClockKind.FIRST_RESPONSE, SlaEventType.BREACHED, T, null),
        Environment.PRODUCTION, Duration.ofHours(1), Duration.ofHours(1).plusMillis(300)));

    // when reading the row with SQL
    // then elapsed_seconds exceeds target_seconds, as the row's type says
    assertThat(jdbc.sql("select elapsed_seconds - target_seconds from sla_event").query(Long.class).single())
        .isEqualTo(1L);
  }

  @Test
  void cutsDetailsLongerThanTheColumn() {
    // given a pause reason of 600 characters
    String reason = "x".repeat(600);

    // when it is recorded
    log.append(new SlaLogEntry(new SlaEvent("SD-1", SlaClockKind.DELIVERY, SlaEventType.PAUSED, T, reason),
        Environment.PRODUCTION, Duration.ofHours(8), Duration.ZERO));

    // then the first 500 are kept rather than failing the job
    assertThat(log.history("SD-1").get(0).event().detail()).hasSize(500);
  }
}
