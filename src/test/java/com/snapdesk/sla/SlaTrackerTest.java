package com.snapdesk.sla;

import static com.snapdesk.sla.SlaClockKind.DELIVERY;
import static com.snapdesk.sla.SlaClockKind.FIRST_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaProperties.BusinessHoursCalendar;
import com.snapdesk.sla.SlaProperties.Targets;
import com.snapdesk.sla.persistence.JdbcSlaEventLog;
import com.snapdesk.support.MutableClock;
import com.snapdesk.support.SlaDatabase;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SlaTrackerTest {

  static final Instant SUBMITTED = Instant.parse("2026-11-26T09:00:00Z");
  static final String TICKET = "SD-2026-0042";

  private final SlaDatabase db = SlaDatabase.create();
  private final JdbcClient jdbc = db.jdbc();
  private final MutableClock clock = new MutableClock(SUBMITTED);
  private final SlaTracker sla = new SlaTracker(new JdbcSlaEventLog(jdbc), SlaProperties.defaults(), clock);

  @AfterEach
  void shutDown() {
    db.close();
  }

  @Test
  void startsBothClocksWithTheTargetsOfTheEnvironment() {
    // given a production ticket submitted at 09:00
    // when its clocks start
    boolean tracked = sla.start(TICKET, Environment.PRODUCTION);

    // then the first response is due at 10:00 (escalation 09:45) and delivery at 17:00 (escalation 15:00)
    assertThat(tracked).isTrue();
    TicketSla status = sla.status(TICKET).orElseThrow();
    assertThat(status.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(status.firstResponse().dueAt()).isEqualTo(at("10:00"));
    assertThat(status.firstResponse().escalateAt()).isEqualTo(at("09:45"));
    assertThat(status.delivery().dueAt()).isEqualTo(at("17:00"));
    assertThat(status.delivery().escalateAt()).isEqualTo(at("15:00"));
    assertThat(status.of(FIRST_RESPONSE).state()).isEqualTo(SlaClockState.RUNNING);
    // and the rows carry the environment, the target and no time used yet
    assertThat(rows()).containsExactly(
        tuple("FIRST_RESPONSE", "STARTED", "PRODUCTION", 3600L, 0L, null),
        tuple("DELIVERY", "STARTED", "PRODUCTION", 28800L, 0L, null));
  }

  @Test
  void stagingHasLongerTargets() {
    // given a staging ticket
    sla.start(TICKET, Environment.STAGING);

    // when asking for its deadlines
    // then first response is due in 4 h and delivery in 24 h
    assertThat(sla.deadline(TICKET, FIRST_RESPONSE)).map(SlaClockReading::dueAt).contains(at("13:00"));
    assertThat(sla.deadline(TICKET, DELIVERY)).map(SlaClockReading::dueAt)
        .contains(SUBMITTED.plus(Duration.ofHours(24)));
  }

  @Test
  void startingAgainChangesNothing() {
    // given clocks started at 09:00
    sla.start(TICKET, Environment.PRODUCTION);

    // when a retried job starts them again later, even naming another environment
    clock.advance(Duration.ofMinutes(10));
    boolean tracked = sla.start(TICKET, Environment.STAGING);

    // then the first start stands
    assertThat(tracked).isTrue();
    assertThat(count("STARTED")).isEqualTo(2);
    assertThat(sla.status(TICKET).orElseThrow().environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(sla.deadline(TICKET, FIRST_RESPONSE)).map(SlaClockReading::dueAt).contains(at("10:00"));
  }

  @Test
  void startsFromTheSubmissionTimeWhenGivenOne() {
    // given a ticket submitted at 09:00 whose clocks are started by a job at 09:03
    clock.set(at("09:03"));

    // when starting with the submission time
    sla.start(TICKET, Environment.PRODUCTION, SUBMITTED);

    // then the clocks count from 09:00
    assertThat(sla.deadline(TICKET, FIRST_RESPONSE).orElseThrow().elapsed()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void anEnvironmentWithoutTargetsHasNoSla() {
    // given an integration ticket (answered automatically; no targets configured)
    // when starting its clocks
    boolean tracked = sla.start(TICKET, Environment.INTEGRATION);

    // then nothing is recorded, and later calls do nothing
    assertThat(tracked).isFalse();
    sla.pause(TICKET, "waiting for the customer");
    sla.escalated(TICKET, FIRST_RESPONSE);
    assertThat(sla.stop(TICKET, FIRST_RESPONSE)).isEmpty();
    sla.end(TICKET);
    assertThat(sla.status(TICKET)).isEmpty();
    assertThat(sla.deadline(TICKET, DELIVERY)).isEmpty();
    assertThat(rows()).isEmpty();
  }

  @Test
  void pausedTimeDoesNotCountTowardsTheTarget() {
    // given a production ticket whose agent asked the customer a question after 20 minutes
    sla.start(TICKET, Environment.PRODUCTION);
    clock.advance(Duration.ofMinutes(20));
    sla.stop(TICKET, FIRST_RESPONSE);
    sla.pause(TICKET, "waiting for the customer");

    // when the customer answers three hours later
    clock.advance(Duration.ofHours(3));
    sla.resume(TICKET);
    clock.advance(Duration.ofMinutes(10));

    // then delivery has used 30 minutes and is due 3 hours later than it was
    SlaClockReading delivery = sla.deadline(TICKET, DELIVERY).orElseThrow();
    assertThat(delivery.elapsed()).isEqualTo(Duration.ofMinutes(30));
    assertThat(delivery.dueAt()).isEqualTo(at("20:00"));
    assertThat(delivery.state()).isEqualTo(SlaClockState.RUNNING);
    // and only the delivery clock was paused: the first response was already met
    assertThat(rows()).containsExactly(
        tuple("FIRST_RESPONSE", "STARTED", "PRODUCTION", 3600L, 0L, null),
        tuple("DELIVERY", "STARTED", "PRODUCTION", 28800L, 0L, null),
        tuple("FIRST_RESPONSE", "MET", "PRODUCTION", 3600L, 1200L, null),
        tuple("DELIVERY", "PAUSED", "PRODUCTION", 28800L, 1200L, "waiting for the customer"),
        tuple("DELIVERY", "RESUMED", "PRODUCTION", 28800L, 1200L, null));
  }

  @Test
  void whilePausedTheDeadlineIsAsIfItResumedNow() {
    // given delivery paused after 2 hours for an archive restore
    sla.start(TICKET, Environment.PRODUCTION);
    clock.advance(Duration.ofHours(2));
    sla.pause(TICKET, "archive restore");

    // when asking for the deadline 30 hours later
    clock.advance(Duration.ofHours(30));
    SlaClockReading delivery = sla.deadline(TICKET, DELIVERY).orElseThrow();

    // then it is paused with 6 hours left from now, a quarter used
    assertThat(delivery.state()).isEqualTo(SlaClockState.PAUSED);
    assertThat(delivery.remaining()).isEqualTo(Duration.ofHours(6));
    assertThat(delivery.dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(6)));
    assertThat(delivery.usedFraction()).isEqualTo(0.25);
  }

  @Test
  void pausingOrResumingTwiceRecordsItOnce() {
    // given running clocks
    sla.start(TICKET, Environment.PRODUCTION);

    // when a retried job pauses twice, then resumes twice
    sla.pause(TICKET, "waiting for the customer");
    sla.pause(TICKET, "waiting for the customer");
    clock.advance(Duration.ofHours(1));
    sla.resume(TICKET);
    sla.resume(TICKET);

    // then one pause and one resume per clock are recorded
    assertThat(count("PAUSED")).isEqualTo(2);
    assertThat(count("RESUMED")).isEqualTo(2);
    assertThat(sla.deadline(TICKET, FIRST_RESPONSE)).map(SlaClockReading::dueAt).contains(at("11:00"));
  }

  @Test
  void resumingClocksThatAreNotPausedRecordsNothing() {
    sla.start(TICKET, Environment.PRODUCTION);

    sla.resume(TICKET);

    assertThat(count("RESUMED")).isZero();
  }

  @Test
  void stoppingAtExactlyTheTargetIsMet() {
    // given a first response exactly one hour after submission
    sla.start(TICKET, Environment.PRODUCTION);
    clock.advance(Duration.ofHours(1));

    // when the clock stops
    SlaOutcome outcome = sla.stop(TICKET, FIRST_RESPONSE).orElseThrow();

    // then it is met, with the elapsed seconds on the row
    assertThat(outcome.type()).isEqualTo(SlaEventType.MET);
    assertThat(outcome.elapsed()).isEqualTo(Duration.ofHours(1));
    assertThat(row("MET")).containsExactly("FIRST_RESPONSE", "MET", "PRODUCTION", 3600L, 3600L, null);
    assertThat(sla.deadline(TICKET, FIRST_RESPONSE)).map(SlaClockReading::state).contains(SlaClockState.MET);
  }

  @Test
  void stoppingAfterTheTargetIsBreached() {
    // given a first response one hour and one second after submission
    sla.start(TICKET, Environment.PRODUCTION);
    clock.advance(Duration.ofHours(1).plusSeconds(1));

    // when the clock stops
    SlaOutcome outcome = sla.stop(TICKET, FIRST_RESPONSE).orElseThrow();

    // then it is breached
    assertThat(outcome.type()).isEqualTo(SlaEventType.BREACHED);
    assertThat(row("BREACHED")).containsExactly("FIRST_RESPONSE", "BREACHED", "PRODUCTION", 3600L, 3601L, null);
  }

  @Test
  void stoppingTwiceKeepsTheFirstOutcome() {
    // given a first response met after 50 minutes
    sla.start(TICKET, Environment.PRODUCTION);
    clock.advance(Duration.ofMinutes(50));
    SlaOutcome first = sla.stop(TICKET, FIRST_RESPONSE).orElseThrow();

    // when a retried job stops it again after the target
    clock.advance(Duration.ofHours(2));
    SlaOutcome again = sla.stop(TICKET, FIRST_RESPONSE).orElseThrow();

    // then nothing new is recorded and the first outcome is returned
    assertThat(again).isEqualTo(first);
    assertThat(again.type()).isEqualTo(SlaEventType.MET);
    assertThat(count("MET") + count("BREACHED")).isEqualTo(1);
  }

  @Test
  void endingStopsOnlyClocksStillOpen() {
    // given a first response met, then the customer cancels
    sla.start(TICKET, Environment.PRODUCTION);
    clock.advance(Duration.ofMinutes(15));
    sla.stop(TICKET, FIRST_RESPONSE);
    clock.advance(Duration.ofMinutes(15));

    // when the ticket ends (twice: a retried job)
    sla.end(TICKET, "cancelled by the customer");
    sla.end(TICKET);

    // then delivery is stopped once, and stopping it afterwards reports that outcome
    assertThat(row("STOPPED")).containsExactly("DELIVERY", "STOPPED", "PRODUCTION", 28800L, 1800L,
        "cancelled by the customer");
    assertThat(sla.stop(TICKET, DELIVERY)).map(SlaOutcome::type).contains(SlaEventType.STOPPED);
    TicketSla status = sla.status(TICKET).orElseThrow();
    assertThat(status.firstResponse().state()).isEqualTo(SlaClockState.MET);
    assertThat(status.delivery().state()).isEqualTo(SlaClockState.STOPPED);
    assertThat(status.delivery().finished()).isTrue();
  }

  @Test
  void escalationIsRecordedOncePerClock() {
    // given a first response not given after 45 minutes
    sla.start(TICKET, Environment.PRODUCTION);
    clock.advance(Duration.ofMinutes(45));

    // when the escalation timer fires, and fires again (retried)
    sla.escalated(TICKET, FIRST_RESPONSE);
    sla.escalated(TICKET, FIRST_RESPONSE);

    // then one escalation is recorded, with the time used
    assertThat(row("ESCALATED")).containsExactly("FIRST_RESPONSE", "ESCALATED", "PRODUCTION", 3600L, 2700L, null);
    assertThat(count("ESCALATED")).isEqualTo(1);
    assertThat(sla.deadline(TICKET, FIRST_RESPONSE)).map(SlaClockReading::escalated).contains(true);
    assertThat(sla.deadline(TICKET, DELIVERY)).map(SlaClockReading::escalated).contains(false);
  }

  @Test
  void finishedClocksAreNotEscalated() {
    sla.start(TICKET, Environment.PRODUCTION);
    sla.stop(TICKET, FIRST_RESPONSE);

    sla.escalated(TICKET, FIRST_RESPONSE);

    assertThat(count("ESCALATED")).isZero();
  }

  @Test
  void overdueClockReadsBreachedBeforeItStops() {
    // given no first response 90 minutes after submission
    sla.start(TICKET, Environment.PRODUCTION);
    clock.advance(Duration.ofMinutes(90));

    // when asking for the deadline
    SlaClockReading deadline = sla.deadline(TICKET, FIRST_RESPONSE).orElseThrow();

    // then it is breached, not finished, 150 % used, and was due at 10:00
    assertThat(deadline.state()).isEqualTo(SlaClockState.BREACHED);
    assertThat(deadline.finished()).isFalse();
    assertThat(deadline.usedFraction()).isEqualTo(1.5);
    assertThat(deadline.remaining()).isEqualTo(Duration.ofMinutes(-30));
    assertThat(deadline.dueAt()).isEqualTo(at("10:00"));
  }

  @Test
  void targetsAreFixedWhenTheClocksStart() {
    // given clocks started under the default 1 h first-response target
    sla.start(TICKET, Environment.PRODUCTION);

    // when the configuration changes to 2 h
    var changed = new SlaProperties(0.5, Map.of("production", new Targets(Duration.ofHours(2), Duration.ofHours(8))));
    var afterRestart = new SlaTracker(new JdbcSlaEventLog(jdbc), changed, clock);

    // then the running ticket keeps its 1 h target; the new escalation fraction applies
    SlaClockReading deadline = afterRestart.deadline(TICKET, FIRST_RESPONSE).orElseThrow();
    assertThat(deadline.target()).isEqualTo(Duration.ofHours(1));
    assertThat(deadline.escalateAt()).isEqualTo(at("09:30"));
  }

  @Test
  void eachEnvironmentCountsInItsOwnCalendar() {
    // given staging on Berlin office hours (weekdays 09:00–17:00) and production on calendar hours
    var properties = new SlaProperties(0.75, Map.of(), Map.of("staging", new BusinessHoursCalendar(
        ZoneId.of("Europe/Berlin"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
        LocalTime.of(17, 0), List.of())));
    var tracker = new SlaTracker(new JdbcSlaEventLog(jdbc), properties, clock);
    clock.set(Instant.parse("2026-11-27T15:00:00Z")); // Friday 16:00 in Berlin

    // when a staging and a production ticket arrive at the same moment
    tracker.start("SD-STG", Environment.STAGING);
    tracker.start("SD-PRD", Environment.PRODUCTION);

    // then staging's 4 h first response is due Monday 12:00 in Berlin, production's 1 h an hour later
    assertThat(tracker.deadline("SD-STG", FIRST_RESPONSE)).map(SlaClockReading::dueAt)
        .contains(Instant.parse("2026-11-30T11:00:00Z"));
    assertThat(tracker.deadline("SD-PRD", FIRST_RESPONSE)).map(SlaClockReading::dueAt)
        .contains(Instant.parse("2026-11-27T16:00:00Z"));
  }

  @Test
  void keepsTicketsApart() {
    // given two tickets, one paused
    sla.start(TICKET, Environment.PRODUCTION);
    sla.start("SD-2026-0043", Environment.STAGING);
    sla.pause("SD-2026-0043", "waiting for the customer");

    // when time passes
    clock.advance(Duration.ofMinutes(30));

    // then each has its own clocks
    assertThat(sla.deadline(TICKET, FIRST_RESPONSE)).map(SlaClockReading::state).contains(SlaClockState.RUNNING);
    assertThat(sla.deadline("SD-2026-0043", FIRST_RESPONSE)).map(SlaClockReading::state).contains(SlaClockState.PAUSED);
  }

  private List<org.assertj.core.groups.Tuple> rows() {
    return jdbc.sql("""
            select clock, type, environment, target_seconds, elapsed_seconds, detail
            from sla_event where ticket_id = ? order by occurred_at, id""")
        .param(TICKET)
        .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
            rs.getObject(5, Long.class), rs.getString(6)))
        .list();
  }

  private List<Object> row(String type) {
    return rows().stream().filter(t -> type.equals(t.toList().get(1))).findFirst().orElseThrow().toList();
  }

  private int count(String type) {
    return jdbc.sql("select count(*) from sla_event where ticket_id = ? and type = ?").params(TICKET, type)
        .query(Integer.class).single();
  }

  static Instant at(String time) {
    return Instant.parse("2026-11-26T" + time + ":00Z");
  }
}
