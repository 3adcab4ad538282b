package com.snapdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CleanupWindowTest {

  @ParameterizedTest(name = "{0} to {1}: {2} is inside = {3}")
  @CsvSource({
      "01:00, 05:00, 2026-11-26T00:59:59Z, false",
      "01:00, 05:00, 2026-11-26T01:00:00Z, true",
      "01:00, 05:00, 2026-11-26T04:59:59Z, true",
      "01:00, 05:00, 2026-11-26T05:00:00Z, false",
      "01:00, 05:00, 2026-11-26T12:00:00Z, false",
      // past midnight
      "22:00, 02:00, 2026-11-26T23:30:00Z, true",
      "22:00, 02:00, 2026-11-26T01:59:00Z, true",
      "22:00, 02:00, 2026-11-26T02:00:00Z, false",
      "22:00, 02:00, 2026-11-26T21:59:00Z, false",
      // an offset as Camunda writes it: 01:00+0100 is 00:00 UTC
      "01:00+0100, 05:00+0100, 2026-11-26T00:00:00Z, true",
      "01:00+0100, 05:00+0100, 2026-11-26T04:30:00Z, false",
      // start = end: all day, as in Camunda
      "03:00, 03:00, 2026-11-26T15:00:00Z, true",
  })
  void containsTheTimesBetweenStartAndEnd(String start, String end, Instant at, boolean inside) {
    // given the window as Camunda's batch window properties give it, read in UTC where they name no offset
    CleanupWindow window = CleanupWindow.parse(start, end, ZoneOffset.UTC);
    // then the moment is inside exactly from start (inclusive) to end (exclusive)
    assertThat(window.contains(at)).isEqualTo(inside);
  }

  @Test
  void refusesAWindowThatIsNotTwoTimesOfDay() {
    assertThatThrownBy(() -> CleanupWindow.parse("1am", "05:00", ZoneOffset.UTC))
        .hasMessageContaining("start time must be HH:mm or HH:mm+hhmm, not '1am'");
    assertThatThrownBy(() -> CleanupWindow.parse("01:00", "25:00", ZoneOffset.UTC))
        .hasMessageContaining("end time is not a time of day");
    assertThatThrownBy(() -> CleanupWindow.parse("01:00+0100", "05:00", ZoneOffset.UTC))
        .hasMessageContaining("same zone");
  }
}
