package com.snapdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RequestedMomentTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void explainsAssumedEarlierOffsetWordForWord() {
    // given 01:30 on the New York fall-back night, read with the earlier offset by default
    var moment = new RequestedMoment(LocalDate.parse("2026-11-01"), LocalTime.parse("01:30"), NEW_YORK,
        ZoneOffset.ofHours(-4), Instant.parse("2026-11-01T05:30:00Z"), true, true);

    // when writing the note for the status page and emails
    // then it says what was assumed and how to get the other reading
    assertThat(moment.interpretationNote()).hasValue(
        "01:30 on 2026-11-01 happens twice in America/New_York; interpreted as 01:30 EDT, UTC−04:00 "
            + "(the earlier of the two). Tell us if you meant 01:30 EST, UTC−05:00.");
    assertThat(moment.localText()).isEqualTo("2026-11-01 01:30 EDT (UTC−04:00)");
    assertThat(moment.utcText()).isEqualTo("2026-11-01 05:30 UTC");
  }

  @Test
  void refusesAnInstantThatDoesNotMatchTheLocalTimeAndOffset() {
    // given an instant one hour off from 14:30 at UTC−05:00
    // when building the moment
    // then it is refused, so a bad mapping from stored variables cannot slip through
    assertThatIllegalArgumentException().isThrownBy(() -> new RequestedMoment(LocalDate.parse("2026-11-20"),
        LocalTime.parse("14:30"), NEW_YORK, ZoneOffset.ofHours(-5), Instant.parse("2026-11-20T18:30:00Z"), false, false));
  }

  @Test
  void refusesAnAssumedOffsetForAnUnambiguousTime() {
    // given a time that happens once, flagged as if an offset had been assumed
    // when building the moment
    // then it is refused
    assertThatIllegalArgumentException().isThrownBy(() -> new RequestedMoment(LocalDate.parse("2026-11-20"),
        LocalTime.parse("14:30"), NEW_YORK, ZoneOffset.ofHours(-5), Instant.parse("2026-11-20T19:30:00Z"), false, true));
  }
}
