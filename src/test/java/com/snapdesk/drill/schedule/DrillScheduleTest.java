package com.snapdesk.drill.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrillScheduleTest {

  @ParameterizedTest(name = "{0} after {1} fires at {2}")
  @CsvSource({
      "0 0 3 * * SUN,                  2026-11-26T12:00:00Z, 2026-11-29T03:00:00Z",
      "R/P1D,                          2026-11-26T12:00:00Z, 2026-11-27T00:00:00Z",
      "R/PT6H,                         2026-11-26T12:00:00Z, 2026-11-26T18:00:00Z",
      "R/2026-01-04T03:00:00Z/P7D,     2026-11-26T12:00:00Z, 2026-11-29T03:00:00Z",
      "R/2027-01-03T03:00:00Z/P7D,     2026-11-26T12:00:00Z, 2027-01-03T03:00:00Z",
  })
  void firesAtTheSameInstantsOnEveryNode(String schedule, Instant after, Instant expected) {
    // given a cron expression or an ISO repeating interval
    // when asking for the next firing
    // then it is a fixed instant, not counted from when a node started
    assertThat(DrillSchedule.parse(schedule).next(after)).isEqualTo(expected);
  }

  @Test
  void anUnreadableScheduleSaysWhatIsAccepted() {
    assertThatThrownBy(() -> DrillSchedule.parse("every sunday")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cron expression").hasMessageContaining("R/P1D");
  }
}
