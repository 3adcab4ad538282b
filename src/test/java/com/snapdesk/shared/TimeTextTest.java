package com.snapdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeTextTest {

  @ParameterizedTest(name = "{0} in {1} reads {2}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-11-20T19:30:00Z | America/New_York    | 2026-11-20 14:30 EST (UTC−05:00)
      2026-07-15T18:30:40Z | America/New_York    | 2026-07-15 14:30 EDT (UTC−04:00)
      2026-11-20T13:30:00Z | Europe/Berlin       | 2026-11-20 14:30 CET (UTC+01:00)
      2026-11-20T14:30:00Z | Europe/London       | 2026-11-20 14:30 GMT (UTC+00:00)
      2026-11-20T09:00:00Z | Asia/Kolkata        | 2026-11-20 14:30 IST (UTC+05:30)
      2026-11-20T00:45:00Z | Pacific/Chatham     | 2026-11-20 14:30 CHADT (UTC+13:45)
      2026-07-15T04:00:00Z | Australia/Lord_Howe | 2026-07-15 14:30 LHST (UTC+10:30)
      2026-11-20T14:30:00Z | UTC                 | 2026-11-20 14:30 UTC
      2026-11-20T14:30:00Z | Etc/UTC             | 2026-11-20 14:30 UTC
      2026-11-20T09:00:00Z | +05:30              | 2026-11-20 14:30 UTC+05:30
      2026-11-20T19:30:00Z | Etc/GMT+5           | 2026-11-20 14:30 UTC−05:00
      2026-11-20T11:30:00Z | America/Punta_Arenas | 2026-11-20 08:30 UTC−03:00
      """)
  void writesLocalTimeWithZoneNameAndOffset(String instant, String zone, String expected) {
    // given an instant and the customer's zone
    // when writing it for a person
    // then the zone's short name is shown with its offset, or the offset alone where there is no name
    assertThat(TimeText.local(Instant.parse(instant), ZoneId.of(zone))).isEqualTo(expected);
  }

  @Test
  void writesUtcToTheMinute() {
    // given an instant with seconds
    // when writing it in UTC
    // then it is truncated to the minute and labelled UTC
    assertThat(TimeText.utc(Instant.parse("2026-11-20T19:30:59Z"))).isEqualTo("2026-11-20 19:30 UTC");
  }

  @ParameterizedTest(name = "{0} seconds reads {1}")
  @CsvSource(delimiter = '|', textBlock = """
      -18000 | UTC−05:00
      19800  | UTC+05:30
      0      | UTC+00:00
      49500  | UTC+13:45
      -12600 | UTC−03:30
      -1800  | UTC−00:30
      64800  | UTC+18:00
      -64800 | UTC−18:00
      -2730  | UTC−00:45:30
      3661   | UTC+01:01:01
      """)
  void writesOffsetWithRealMinusSign(int seconds, String expected) {
    // given an offset
    // when writing it
    String text = TimeText.offset(ZoneOffset.ofTotalSeconds(seconds));

    // then negative offsets use U+2212, never the ASCII hyphen
    assertThat(text).isEqualTo(expected).doesNotContain("-");
    if (seconds < 0) assertThat(text.charAt(3)).isEqualTo('\u2212');
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource(delimiter = '|', textBlock = """
      PT0S       | 0 min
      PT59S      | 0 min
      PT45M      | 45 min
      PT59M59S   | 59 min
      PT1H       | 1 h
      PT2H15M    | 2 h 15 min
      PT23H59M   | 23 h 59 min
      PT24H      | 1 d
      PT76H30M   | 3 d 4 h
      -PT2H15M   | 2 h 15 min
      P40D       | 40 d
      """)
  void writesDistanceInTheLargestUsefulUnits(String duration, String expected) {
    // given a distance between two moments, either sign
    // when writing it
    // then it reads in days/hours or hours/minutes, truncated like the times beside it
    assertThat(TimeText.distance(Duration.parse(duration))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-11-01T05:30:00Z | America/New_York | 2026-11-01T01:30:00-04:00
      2026-11-01T06:30:00Z | America/New_York | 2026-11-01T01:30:00-05:00
      2026-11-20T09:00:00Z | Asia/Kolkata     | 2026-11-20T14:30:00+05:30
      2026-11-20T14:30:00Z | UTC              | 2026-11-20T14:30:00Z
      """)
  void writesIsoTextWithLocalOffsetForMachines(String instant, String zone, String expected) {
    // given an instant and a zone
    // when writing it for the API
    // then it is ISO-8601 with the local offset, so both sides of an overlap stay distinct
    assertThat(TimeText.isoOffsetText(Instant.parse(instant), ZoneId.of(zone))).isEqualTo(expected);
  }

  @Test
  void hasNoAbbreviationForFixedOffsets() {
    // given a fixed-offset zone
    // when asking for its short name
    // then there is none, so callers show the offset instead
    assertThat(TimeText.abbreviation(Instant.parse("2026-11-20T14:30:00Z"), ZoneOffset.ofHoursMinutes(5, 30))).isEmpty();
    assertThat(TimeText.abbreviation(Instant.parse("2026-11-20T14:30:00Z"), ZoneId.of("America/New_York"))).hasValue("EST");
  }
}
