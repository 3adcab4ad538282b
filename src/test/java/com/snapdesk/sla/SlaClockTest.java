package com.snapdesk.sla;

import static com.snapdesk.sla.SlaClockKind.DELIVERY;
import static com.snapdesk.sla.SlaClockKind.FIRST_RESPONSE;
import static com.snapdesk.sla.SlaEventType.BREACHED;
import static com.snapdesk.sla.SlaEventType.ESCALATED;
import static com.snapdesk.sla.SlaEventType.MET;
import static com.snapdesk.sla.SlaEventType.PAUSED;
import static com.snapdesk.sla.SlaEventType.RESUMED;
import static com.snapdesk.sla.SlaEventType.STARTED;
import static com.snapdesk.sla.SlaEventType.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaClockTest {

  static final Duration ONE_HOUR = Duration.ofHours(1);

  private final List<SlaEvent> events = new ArrayList<>();

  @Test
  void runningClockCountsEveryHourSinceItStarted() {
    // given a 1 h first-response clock started at 09:00
    happened(FIRST_RESPONSE, STARTED, "09:00");

    // when asking at 09:40
    SlaClock clock = clock(FIRST_RESPONSE);

    // then 40 minutes are used, 20 are left, and it is due at 10:00
    Instant now = at("09:40");
    assertThat(clock.elapsed(now)).isEqualTo(Duration.ofMinutes(40));
    assertThat(clock.remaining(now)).isEqualTo(Duration.ofMinutes(20));
    assertThat(clock.usedFraction(now)).isCloseTo(2.0 / 3, offset(1e-9));
    assertThat(clock.dueAt(now)).isEqualTo(at("10:00"));
    assertThat(clock.state(now)).isEqualTo(SlaClockState.RUNNING);
    assertThat(clock.isRunning()).isTrue();
    assertThat(clock.isFinished()).isFalse();
    assertThat(clock.outcome()).isEmpty();
  }

  @Test
  void pausedTimeDoesNotCountTowardsTheTarget() {
    // given a clock paused from 09:20 to 10:20 while the customer was asked a question
    happened(DELIVERY, STARTED, "09:00");
    happened(DELIVERY, PAUSED, "09:20");
    happened(DELIVERY, RESUMED, "10:20");

    // when asking at 10:30
    SlaClock clock = clock(DELIVERY);

    // then only the 30 running minutes count
    assertThat(clock.elapsed(at("10:30"))).isEqualTo(Duration.ofMinutes(30));
    assertThat(clock.state(at("10:30"))).isEqualTo(SlaClockState.RUNNING);
  }

  @Test
  void excludesEveryPausedSpan() {
    // given a clock paused twice: waiting on the customer, then on an archive restore
    happened(DELIVERY, STARTED, "09:00");
    happened(DELIVERY, PAUSED, "09:10");
    happened(DELIVERY, RESUMED, "11:00");
    happened(DELIVERY, PAUSED, "11:05");
    happened(DELIVERY, RESUMED, "14:00");

    // when asking at 14:15
    SlaClock clock = clock(DELIVERY);

    // then 10 + 5 + 15 minutes are used
    assertThat(clock.elapsed(at("14:15"))).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void dueDateMovesByThePausedTime() {
    // given a 1 h clock started at 09:00, due at 10:00
    happened(FIRST_RESPONSE, STARTED, "09:00");
    assertThat(clock(FIRST_RESPONSE).dueAt(at("09:05"))).isEqualTo(at("10:00"));

    // when it is paused for 90 minutes
    happened(FIRST_RESPONSE, PAUSED, "09:10");
    happened(FIRST_RESPONSE, RESUMED, "10:40");

    // then it is due 90 minutes later, whenever one asks
    SlaClock clock = clock(FIRST_RESPONSE);
    assertThat(clock.dueAt(at("10:45"))).isEqualTo(at("11:30"));
    assertThat(clock.dueAt(at("11:00"))).isEqualTo(at("11:30"));
  }

  @Test
  void whilePausedTheDueDateIsAsIfItResumedNow() {
    // given a 1 h clock that ran 20 minutes and was paused at 09:20
    happened(FIRST_RESPONSE, STARTED, "09:00");
    happened(FIRST_RESPONSE, PAUSED, "09:20");

    // when asking at 12:00
    SlaClock clock = clock(FIRST_RESPONSE);
    Instant now = at("12:00");

    // then it is paused with 20 minutes used, due 40 minutes from now, escalating 25 minutes from now
    assertThat(clock.state(now)).isEqualTo(SlaClockState.PAUSED);
    assertThat(clock.isPaused()).isTrue();
    assertThat(clock.pausedSince()).contains(at("09:20"));
    assertThat(clock.elapsed(now)).isEqualTo(Duration.ofMinutes(20));
    assertThat(clock.dueAt(now)).isEqualTo(at("12:40"));
    assertThat(clock.escalateAt(now)).isEqualTo(at("12:25"));
  }

  @Test
  void escalatesAtThreeQuartersOfTheTarget() {
    // given a 1 h clock started at 09:00 with escalation at 75 %
    happened(FIRST_RESPONSE, STARTED, "09:00");

    // when asking for the escalation point
    SlaClock clock = clock(FIRST_RESPONSE);

    // then it is 45 minutes in, at 09:45
    assertThat(clock.escalation()).isEqualTo(Duration.ofMinutes(45));
    assertThat(clock.escalateAt(at("09:10"))).isEqualTo(at("09:45"));
  }

  @Test
  void escalationPointMovesByAPauseBeforeIt() {
    // given a 1 h clock paused for half an hour before its escalation point
    happened(FIRST_RESPONSE, STARTED, "09:00");
    happened(FIRST_RESPONSE, PAUSED, "09:30");
    happened(FIRST_RESPONSE, RESUMED, "10:00");

    // when asking for the escalation point
    // then it is half an hour later, at 10:15
    assertThat(clock(FIRST_RESPONSE).escalateAt(at("10:01"))).isEqualTo(at("10:15"));
  }

  @Test
  void escalationPointAlreadyPassedIsWhenItWasReached() {
    // given a 1 h clock that reached 45 minutes at 09:45, then was paused
    happened(FIRST_RESPONSE, STARTED, "09:00");
    happened(FIRST_RESPONSE, PAUSED, "09:50");

    // when asking at 11:00
    // then the escalation point is 09:45, not "now"
    assertThat(clock(FIRST_RESPONSE).escalateAt(at("11:00"))).isEqualTo(at("09:45"));
  }

  @ParameterizedTest(name = "stopped at {0} -> {1}")
  @CsvSource({
      "09:59:59, MET",
      "10:00:00, MET",
      "10:00:01, BREACHED",
  })
  void meetsUpToAndIncludingTheTarget(String stoppedAt, SlaEventType outcome) {
    // given a 1 h clock started at 09:00
    happened(FIRST_RESPONSE, STARTED, "09:00");

    // when it is stopped around 10:00
    // then exactly at the target is still met, one second later is breached
    assertThat(clock(FIRST_RESPONSE).outcomeIfStoppedAt(at(stoppedAt))).isEqualTo(outcome);
  }

  @Test
  void metClockKeepsItsElapsedTime() {
    // given a clock met at 09:35
    happened(FIRST_RESPONSE, STARTED, "09:00");
    happened(FIRST_RESPONSE, MET, "09:35");

    // when asking much later
    SlaClock clock = clock(FIRST_RESPONSE);
    Instant later = at("18:00");

    // then it stays met after 35 minutes, and its due date is where it stood when it stopped
    assertThat(clock.state(later)).isEqualTo(SlaClockState.MET);
    assertThat(clock.isFinished()).isTrue();
    assertThat(clock.isRunning()).isFalse();
    assertThat(clock.elapsed(later)).isEqualTo(Duration.ofMinutes(35));
    assertThat(clock.dueAt(later)).isEqualTo(at("10:00"));
    assertThat(clock.outcome()).contains(new SlaOutcome(FIRST_RESPONSE, MET, at("09:35"), Duration.ofMinutes(35),
        ONE_HOUR));
  }

  @Test
  void breachedClockRecordsHowLongItTook() {
    // given a clock breached at 10:20
    happened(FIRST_RESPONSE, STARTED, "09:00");
    happened(FIRST_RESPONSE, BREACHED, "10:20");

    // when asking later
    SlaClock clock = clock(FIRST_RESPONSE);

    // then it reads breached, 80 minutes used, 133 % of the target
    assertThat(clock.state(at("12:00"))).isEqualTo(SlaClockState.BREACHED);
    assertThat(clock.elapsed(at("12:00"))).isEqualTo(Duration.ofMinutes(80));
    assertThat(clock.remaining(at("12:00"))).isEqualTo(Duration.ofMinutes(-20));
    assertThat(clock.usedFraction(at("12:00"))).isCloseTo(4.0 / 3, offset(1e-9));
    assertThat(clock.dueAt(at("12:00"))).isEqualTo(at("10:00"));
  }

  @Test
  void runningClockPastItsTargetReadsBreachedBeforeItIsStopped() {
    // given a 1 h clock still running at 10:30
    happened(FIRST_RESPONSE, STARTED, "09:00");

    // when asking at 10:30
    SlaClock clock = clock(FIRST_RESPONSE);

    // then it is breached but not finished, with a negative remaining time, and was due at 10:00
    assertThat(clock.state(at("10:30"))).isEqualTo(SlaClockState.BREACHED);
    assertThat(clock.isFinished()).isFalse();
    assertThat(clock.remaining(at("10:30"))).isEqualTo(Duration.ofMinutes(-30));
    assertThat(clock.dueAt(at("10:30"))).isEqualTo(at("10:00"));
  }

  @Test
  void pausingTwiceOrResumingWhenNotPausedChangesNothing() {
    // given a retried job that paused twice and resumed twice, and a resume before any pause
    happened(DELIVERY, STARTED, "09:00");
    happened(DELIVERY, RESUMED, "09:05");
    happened(DELIVERY, PAUSED, "09:10");
    happened(DELIVERY, PAUSED, "09:40");
    happened(DELIVERY, RESUMED, "10:10");
    happened(DELIVERY, RESUMED, "10:30");

    // when asking at 10:20
    SlaClock clock = clock(DELIVERY);

    // then the clock was paused from the first pause to the first resume only
    assertThat(clock.elapsed(at("10:20"))).isEqualTo(Duration.ofMinutes(10 + 10));
    assertThat(clock.elapsed(at("10:40"))).isEqualTo(Duration.ofMinutes(10 + 30));
  }

  @Test
  void stoppedClockIsFinishedWithoutBeingMet() {
    // given a delivery clock stopped because the customer cancelled while a question was open
    happened(DELIVERY, STARTED, "09:00");
    happened(DELIVERY, PAUSED, "09:30");
    happened(DELIVERY, STOPPED, "13:00");

    // when asking later
    SlaClock clock = clock(DELIVERY);

    // then it is stopped, with the 30 minutes it ran before the pause
    assertThat(clock.state(at("20:00"))).isEqualTo(SlaClockState.STOPPED);
    assertThat(clock.isFinished()).isTrue();
    assertThat(clock.isPaused()).isFalse();
    assertThat(clock.elapsed(at("20:00"))).isEqualTo(Duration.ofMinutes(30));
    assertThat(clock.outcome()).map(SlaOutcome::met).contains(false);
  }

  @Test
  void onlyTheFirstOutcomeCounts() {
    // given a clock met, then (a repeated or late call) breached, stopped and resumed
    happened(FIRST_RESPONSE, STARTED, "09:00");
    happened(FIRST_RESPONSE, MET, "09:30");
    happened(FIRST_RESPONSE, BREACHED, "10:30");
    happened(FIRST_RESPONSE, STOPPED, "11:00");
    happened(FIRST_RESPONSE, RESUMED, "11:30");

    // when replaying
    SlaClock clock = clock(FIRST_RESPONSE);

    // then it was met at 09:30 and nothing after that counts
    assertThat(clock.state(at("12:00"))).isEqualTo(SlaClockState.MET);
    assertThat(clock.elapsed(at("12:00"))).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void escalationIsRememberedButDoesNotChangeTime() {
    // given a clock escalated at 09:45
    happened(FIRST_RESPONSE, STARTED, "09:00");
    happened(FIRST_RESPONSE, ESCALATED, "09:45");

    // when asking at 09:50
    SlaClock clock = clock(FIRST_RESPONSE);

    // then it is escalated and still running towards 10:00
    assertThat(clock.isEscalated()).isTrue();
    assertThat(clock.state(at("09:50"))).isEqualTo(SlaClockState.RUNNING);
    assertThat(clock.dueAt(at("09:50"))).isEqualTo(at("10:00"));
  }

  @Test
  void followsItsOwnEventsAndThoseForBothClocks() {
    // given a first response met at 09:15, a pause that applies to both clocks, and a resume of delivery
    events.add(new SlaEvent("SD-1", null, STARTED, at("09:00"), null));
    happened(FIRST_RESPONSE, MET, "09:15");
    events.add(new SlaEvent("SD-1", null, PAUSED, at("09:30"), "waiting for the customer"));
    happened(DELIVERY, RESUMED, "10:30");

    // when replaying each clock
    // then the first response ignores the pause (already met); delivery was paused for an hour
    assertThat(clock(FIRST_RESPONSE).state(at("11:00"))).isEqualTo(SlaClockState.MET);
    assertThat(clock(DELIVERY).elapsed(at("11:00"))).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void replaysEventsInTimeOrder() {
    // given events handed over out of order
    happened(DELIVERY, RESUMED, "10:00");
    happened(DELIVERY, PAUSED, "09:30");
    happened(DELIVERY, STARTED, "09:00");

    // when replaying
    // then they are applied by time
    assertThat(clock(DELIVERY).elapsed(at("10:30"))).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void needsAStartedEvent() {
    // given only a pause
    happened(DELIVERY, PAUSED, "09:30");

    // when replaying
    // then it refuses: there is no clock
    assertThatThrownBy(() -> clock(DELIVERY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never started");
  }

  @Test
  void refusesNonsenseTargetsAndFractions() {
    happened(DELIVERY, STARTED, "09:00");

    assertThatThrownBy(() -> SlaClock.replay(DELIVERY, Duration.ZERO, 0.75, new CalendarHours(), events))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlaClock.replay(DELIVERY, ONE_HOUR, 1.0, new CalendarHours(), events))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlaClock.replay(DELIVERY, ONE_HOUR, 0.0, new CalendarHours(), events))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void doesItsArithmeticThroughTheCalendar() {
    // given a 2 h clock started at 16:00 on a calendar where only 09:00-17:00 counts
    happened(FIRST_RESPONSE, STARTED, "16:00");

    // when asking the next morning at 09:30
    SlaClock clock = SlaClock.replay(FIRST_RESPONSE, Duration.ofHours(2), 0.75, new OfficeHours(), events);
    Instant nextMorning = at("09:30").plus(Duration.ofDays(1));

    // then the night does not count: 1.5 h used, due at 10:00, escalation was at 09:30
    assertThat(clock.elapsed(nextMorning)).isEqualTo(Duration.ofMinutes(90));
    assertThat(clock.dueAt(nextMorning)).isEqualTo(at("10:00").plus(Duration.ofDays(1)));
    assertThat(clock.escalateAt(nextMorning)).isEqualTo(nextMorning);
  }

  private void happened(SlaClockKind kind, SlaEventType type, String time) {
    events.add(new SlaEvent("SD-1", kind, type, at(time), null));
  }

  private SlaClock clock(SlaClockKind kind) {
    return SlaClock.replay(kind, ONE_HOUR, 0.75, new CalendarHours(), events);
  }

  static Instant at(String time) {
    return Instant.parse("2026-11-26T" + (time.length() == 5 ? time + ":00" : time) + "Z");
  }
}
