package com.snapdesk.sla;

import static com.snapdesk.sla.SlaClockKind.DELIVERY;
import static com.snapdesk.sla.SlaEventType.PAUSED;
import static com.snapdesk.sla.SlaEventType.RESUMED;
import static com.snapdesk.sla.SlaEventType.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The business-hours SLA calendar: weekdays 09:00–17:00 in Berlin unless a test says otherwise. Times in
 * the tables are Berlin wall-clock times.
 */
class BusinessHoursTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);
  static final LocalDate BOXING_DAY = LocalDate.of(2026, 12, 26);

  private final BusinessHours office = new BusinessHours(BERLIN, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0),
      Set.of(CHRISTMAS, BOXING_DAY));

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
      // inside one working day
      "2026-11-24T10:00, PT2H,  2026-11-24T12:00",
      // at closing time the rest waits for the next morning
      "2026-11-24T16:00, PT2H,  2026-11-25T10:00",
      // a request in the night starts counting at opening time
      "2026-11-24T22:00, PT1H,  2026-11-25T10:00",
      "2026-11-25T06:30, PT1H,  2026-11-25T10:00",
      // Friday afternoon runs into Monday morning
      "2026-11-27T16:00, PT2H,  2026-11-30T10:00",
      // a weekend request starts on Monday
      "2026-11-28T11:00, PT4H,  2026-11-30T13:00",
      // a 24 h target is three working days
      "2026-11-24T09:00, PT24H, 2026-11-26T17:00",
      // Christmas Eve (Thursday) into the holidays: Friday 25th is a holiday, the 26th a Saturday
      "2026-12-24T16:30, PT1H,  2026-12-28T09:30",
      // across the spring DST change (Sunday 29 March): still a working day's hours, in local time
      "2026-03-27T16:00, PT2H,  2026-03-30T10:00",
  })
  void addsOnlyWorkingTime(String from, Duration slaTime, String expected) {
    // given a Berlin office calendar with Christmas and Boxing Day as holidays
    // when adding SLA time
    Instant due = office.plus(berlin(from), slaTime);

    // then nights, weekends and holidays are skipped
    assertThat(due).isEqualTo(berlin(expected));
  }

  @ParameterizedTest(name = "{0} → {1} = {2}")
  @CsvSource({
      "2026-11-24T10:00, 2026-11-24T12:30, PT2H30M",
      "2026-11-24T16:00, 2026-11-25T10:00, PT2H",
      "2026-11-27T16:00, 2026-11-30T10:00, PT2H",
      "2026-11-28T08:00, 2026-11-29T20:00, PT0S",
      "2026-12-24T08:00, 2026-12-28T12:00, PT11H",
      "2026-11-24T12:00, 2026-11-24T11:00, PT0S",
  })
  void measuresOnlyWorkingTime(String start, String end, Duration expected) {
    // given a Berlin office calendar
    // when measuring the SLA time between two moments
    // then only opening hours of working days count
    assertThat(office.between(berlin(start), berlin(end))).isEqualTo(expected);
  }

  @Test
  void addingWhatWasMeasuredLandsOnTheSameMoment() {
    // given moments spread over two weeks, inside and outside opening hours
    Instant from = berlin("2026-11-23T07:45");
    for (int minutes = 0; minutes < 14 * 24 * 60; minutes += 37) {
      Instant to = from.plus(Duration.ofMinutes(minutes));
      Duration measured = office.between(from, to);
      // when adding the measured SLA time back to the start
      Instant back = office.plus(from, measured);
      // then it is the same working moment: the end, or the last closing time before it
      assertThat(office.between(back, to)).as("from %s to %s", from, to).isZero();
      assertThat(office.between(from, back)).isEqualTo(measured);
    }
  }

  @Test
  void roundTheClockCalendarHasA23HourDayWhenTheClocksGoForward() {
    // given a calendar open all day, every day, in New York
    var allDay = new BusinessHours(NEW_YORK, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
        Set.of());

    // when measuring the local days of the DST changes of 2026
    Duration spring = allDay.between(local(NEW_YORK, "2026-03-08T00:00"), local(NEW_YORK, "2026-03-09T00:00"));
    Duration autumn = allDay.between(local(NEW_YORK, "2026-11-01T00:00"), local(NEW_YORK, "2026-11-02T00:00"));

    // then they have 23 and 25 hours, as a wall clock would count them
    assertThat(spring).isEqualTo(Duration.ofHours(23));
    assertThat(autumn).isEqualTo(Duration.ofHours(25));
    assertThat(allDay.plus(local(NEW_YORK, "2026-03-08T00:00"), Duration.ofHours(23)))
        .isEqualTo(local(NEW_YORK, "2026-03-09T00:00"));
  }

  @Test
  void openingHoursThatContainTheDstGapAreAnHourShorter() {
    // given a night shift 01:00–05:00 every day in New York, where 02:00–03:00 does not exist on 8 March 2026
    var nights = new BusinessHours(NEW_YORK, EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0), LocalTime.of(5, 0),
        Set.of());

    // when measuring that night and adding four hours from its start
    Instant opens = local(NEW_YORK, "2026-03-08T01:00");

    // then three hours count, and the fourth is taken from the next night
    assertThat(nights.between(opens, local(NEW_YORK, "2026-03-08T05:00"))).isEqualTo(Duration.ofHours(3));
    assertThat(nights.plus(opens, Duration.ofHours(4))).isEqualTo(local(NEW_YORK, "2026-03-09T02:00"));
  }

  @Test
  void pausedSpansAndNightsBothStayOutOfTheClock() {
    // given a 4 h delivery clock started Friday 16:00, paused 16:30 for the customer, resumed Monday 09:30
    var events = List.of(
        new SlaEvent("SD-1", DELIVERY, STARTED, berlin("2026-11-27T16:00"), null),
        new SlaEvent("SD-1", DELIVERY, PAUSED, berlin("2026-11-27T16:30"), "waiting for the customer"),
        new SlaEvent("SD-1", DELIVERY, RESUMED, berlin("2026-11-30T09:30"), null));

    // when replaying it on the office calendar on Monday at 10:00
    SlaClock clock = SlaClock.replay(DELIVERY, Duration.ofHours(4), 0.75, office, events);
    Instant now = berlin("2026-11-30T10:00");

    // then 30 minutes on Friday and 30 on Monday are used, and it is due at 13:00
    assertThat(clock.elapsed(now)).isEqualTo(Duration.ofHours(1));
    assertThat(clock.dueAt(now)).isEqualTo(berlin("2026-11-30T13:00"));
    assertThat(clock.escalateAt(now)).isEqualTo(berlin("2026-11-30T12:00"));
    assertThat(clock.state(now)).isEqualTo(SlaClockState.RUNNING);
  }

  @Test
  void pausedOverTheWeekendTheDueDateIsCountedFromWhenItWouldResume() {
    // given a 2 h clock started Friday 15:00 and paused at 16:00
    var events = List.of(
        new SlaEvent("SD-1", DELIVERY, STARTED, berlin("2026-11-27T15:00"), null),
        new SlaEvent("SD-1", DELIVERY, PAUSED, berlin("2026-11-27T16:00"), "archive restore"));

    // when asking on Saturday
    SlaClock clock = SlaClock.replay(DELIVERY, Duration.ofHours(2), 0.75, office, events);

    // then one hour is left, due an hour after Monday's opening if it resumed now
    Instant saturday = berlin("2026-11-28T12:00");
    assertThat(clock.remaining(saturday)).isEqualTo(Duration.ofHours(1));
    assertThat(clock.dueAt(saturday)).isEqualTo(berlin("2026-11-30T10:00"));
    assertThat(clock.state(saturday)).isEqualTo(SlaClockState.PAUSED);
  }

  @Test
  void refusesACalendarWithoutWorkingTime() {
    // given opening hours that close before they open, or no working day
    // when building the calendar
    // then it is refused
    assertThatThrownBy(() -> new BusinessHours(BERLIN, WEEKDAYS, LocalTime.of(17, 0), LocalTime.of(9, 0), Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("close after they open");
    assertThatThrownBy(() -> new BusinessHours(BERLIN, Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no working days");
  }

  private static Instant berlin(String localDateTime) {
    return local(BERLIN, localDateTime);
  }

  private static Instant local(ZoneId zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime.trim()).atZone(zone).toInstant();
  }
}
