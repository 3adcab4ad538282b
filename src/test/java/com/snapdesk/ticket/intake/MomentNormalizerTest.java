package com.snapdesk.ticket.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import com.snapdesk.shared.FieldError;
import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.RequestedMoment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MomentNormalizerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String MINUS = "\u2212";

  private final MomentNormalizer normalizer = new MomentNormalizer(Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest(name = "{0} {1} in {2} is {3}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-11-20 | 14:30    | America/New_York    | 2026-11-20T19:30:00Z | 2026-11-20 14:30 EST (UTC−05:00)
      2026-07-15 | 14:30    | America/New_York    | 2026-07-15T18:30:00Z | 2026-07-15 14:30 EDT (UTC−04:00)
      2026-11-20 | 14:30    | Europe/Berlin       | 2026-11-20T13:30:00Z | 2026-11-20 14:30 CET (UTC+01:00)
      2026-07-15 | 14:30    | Europe/Berlin       | 2026-07-15T12:30:00Z | 2026-07-15 14:30 CEST (UTC+02:00)
      2026-07-15 | 14:30    | Australia/Lord_Howe | 2026-07-15T04:00:00Z | 2026-07-15 14:30 LHST (UTC+10:30)
      2026-11-20 | 14:30    | Australia/Lord_Howe | 2026-11-20T03:30:00Z | 2026-11-20 14:30 LHDT (UTC+11:00)
      2026-11-20 | 14:30    | Asia/Kolkata        | 2026-11-20T09:00:00Z | 2026-11-20 14:30 IST (UTC+05:30)
      2026-07-15 | 14:30    | Pacific/Chatham     | 2026-07-15T01:45:00Z | 2026-07-15 14:30 CHAST (UTC+12:45)
      2026-11-20 | 00:30    | Pacific/Chatham     | 2026-11-19T10:45:00Z | 2026-11-20 00:30 CHADT (UTC+13:45)
      2026-01-15 | 14:30    | America/Sao_Paulo   | 2026-01-15T17:30:00Z | 2026-01-15 14:30 BRT (UTC−03:00)
      2026-01-15 | 14:30    | Australia/Sydney    | 2026-01-15T03:30:00Z | 2026-01-15 14:30 AEDT (UTC+11:00)
      2026-07-15 | 14:30    | Australia/Sydney    | 2026-07-15T04:30:00Z | 2026-07-15 14:30 AEST (UTC+10:00)
      2026-11-20 | 14:30    | UTC                 | 2026-11-20T14:30:00Z | 2026-11-20 14:30 UTC
      2026-11-20 | 14:30    | Z                   | 2026-11-20T14:30:00Z | 2026-11-20 14:30 UTC
      2026-11-20 | 14:30    | GMT                 | 2026-11-20T14:30:00Z | 2026-11-20 14:30 UTC
      2026-11-20 | 14:30    | +05:30              | 2026-11-20T09:00:00Z | 2026-11-20 14:30 UTC+05:30
      2026-11-20 | 14:30    | UTC+05:30           | 2026-11-20T09:00:00Z | 2026-11-20 14:30 UTC+05:30
      2026-11-20 | 14:30    | -03:00              | 2026-11-20T17:30:00Z | 2026-11-20 14:30 UTC−03:00
      2026-11-20 | 14:30:15 | America/New_York    | 2026-11-20T19:30:15Z | 2026-11-20 14:30 EST (UTC−05:00)
      2026-11-20 | 9:05     | America/New_York    | 2026-11-20T14:05:00Z | 2026-11-20 09:05 EST (UTC−05:00)
      """)
  void convertsLocalTimeInZoneToUtcInstant(String date, String time, String zone, String utc, String localText) {
    // given a moment that exists exactly once in the zone
    // when normalising it without an offset
    RequestedMoment moment = normalizer.normalize(date, time, zone, null);

    // then it maps to one instant, is not ambiguous, and reads back the way the customer wrote it
    assertThat(moment.instant()).isEqualTo(Instant.parse(utc));
    assertThat(moment.localText()).isEqualTo(localText);
    assertThat(moment.ambiguous()).isFalse();
    assertThat(moment.earlierOffsetAssumed()).isFalse();
    assertThat(moment.interpretationNote()).isEmpty();
  }

  @Test
  void keepsWhatTheCustomerTypedAlongsideTheInstant() {
    // given a request for 14:30 New York time in November
    // when normalising it
    RequestedMoment moment = normalizer.normalize(" 2026-11-20 ", "14:30", "America/New_York", "");

    // then date, time, zone and offset are kept for the status page and emails
    assertThat(moment.date()).hasToString("2026-11-20");
    assertThat(moment.time()).hasToString("14:30");
    assertThat(moment.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(moment.offset()).isEqualTo(ZoneOffset.ofHours(-5));
    assertThat(moment.utcText()).isEqualTo("2026-11-20 19:30 UTC");
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      america/new_york  | America/New_York
      EUROPE/BERLIN     | Europe/Berlin
      America/New York  | America/New_York
      utc               | UTC
      Etc/UTC           | Etc/UTC
      gmt-3             | -03:00
      +0530             | +05:30
      −05:00            | -05:00
      """)
  void acceptsZoneSpellingsThatAreUnambiguous(String typed, String zone) {
    // given a zone typed with different case, a space, or without the colon
    // when normalising
    RequestedMoment moment = normalizer.normalize("2026-11-20", "14:30", typed, null);

    // then it is read as the zone the customer obviously meant
    assertThat(moment.zone()).isEqualTo(ZoneId.of(zone));
  }

  static Stream<Arguments> springForwardGaps() {
    return Stream.of(
        args("America/New_York", "2026-03-08", "02:30",
            "02:00–03:00 does not exist on 2026-03-08 in America/New_York: clocks moved forward from UTC−05:00 to UTC−04:00",
            "03:00"),
        args("Europe/Berlin", "2026-03-29", "02:30",
            "02:00–03:00 does not exist on 2026-03-29 in Europe/Berlin: clocks moved forward from UTC+01:00 to UTC+02:00",
            "03:00"),
        args("Australia/Lord_Howe", "2026-10-04", "02:15",
            "02:00–02:30 does not exist on 2026-10-04 in Australia/Lord_Howe: clocks moved forward from UTC+10:30 to UTC+11:00",
            "02:30"),
        args("Pacific/Chatham", "2026-09-27", "03:00",
            "02:45–03:45 does not exist on 2026-09-27 in Pacific/Chatham: clocks moved forward from UTC+12:45 to UTC+13:45",
            "03:45"),
        args("Australia/Sydney", "2026-10-04", "02:00",
            "02:00–03:00 does not exist on 2026-10-04 in Australia/Sydney: clocks moved forward from UTC+10:00 to UTC+11:00",
            "03:00"));
  }

  @ParameterizedTest(name = "{1} {2} in {0}")
  @MethodSource("springForwardGaps")
  void suggestsFirstValidTimeAfterSpringForwardGap(String zone, String date, String time, String gap, String nearest) {
    // given a local time skipped when clocks moved forward
    // when normalising it
    List<FieldError> problems = problemsWith(date, time, zone, null);

    // then the customer is told which span is missing and the first time that exists after it
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("requestedTime");
      assertThat(p.message()).contains(gap).contains("The nearest valid time is " + nearest + ".");
    });
  }

  @ParameterizedTest(name = "{1} {2} in {0}")
  @CsvSource(delimiter = '|', textBlock = """
      America/New_York    | 2026-03-08 | 03:00 | 2026-03-08T07:00:00Z
      America/New_York    | 2026-03-08 | 01:59 | 2026-03-08T06:59:00Z
      Australia/Lord_Howe | 2026-10-04 | 02:30 | 2026-10-03T15:30:00Z
      Pacific/Chatham     | 2026-09-27 | 03:45 | 2026-09-26T14:00:00Z
      """)
  void acceptsTimesAtTheEdgesOfAGap(String zone, String date, String time, String utc) {
    // given the last minute before a gap or the first minute after it
    // when normalising
    // then both exist and convert normally
    assertThat(normalizer.normalize(date, time, zone, null).instant()).isEqualTo(Instant.parse(utc));
  }

  static Stream<Arguments> fallBackOverlaps() {
    // zone, date, time, earlier instant, later instant, earlier reading, later reading
    return Stream.of(
        args("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z",
            "01:30 EDT, UTC−04:00", "01:30 EST, UTC−05:00"),
        args("Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z",
            "02:30 CEST, UTC+02:00", "02:30 CET, UTC+01:00"),
        args("Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-04T14:45:00Z", "2026-04-04T15:15:00Z",
            "01:45 LHDT, UTC+11:00", "01:45 LHST, UTC+10:30"),
        args("Pacific/Chatham", "2026-04-05", "03:00", "2026-04-04T13:15:00Z", "2026-04-04T14:15:00Z",
            "03:00 CHADT, UTC+13:45", "03:00 CHAST, UTC+12:45"),
        args("Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30:00Z", "2026-04-04T16:30:00Z",
            "02:30 AEDT, UTC+11:00", "02:30 AEST, UTC+10:00"));
  }

  @ParameterizedTest(name = "{1} {2} in {0}")
  @MethodSource("fallBackOverlaps")
  void takesEarlierOffsetAtFallBackOverlapAndSaysSo(String zone, String date, String time, String earlier,
                                                    String later, String earlierReading, String laterReading) {
    // given a local time that happens twice and no offset
    // when normalising it
    RequestedMoment moment = normalizer.normalize(date, time, zone, null);

    // then the earlier instant is taken, and the note tells the customer how to get the other one
    assertThat(moment.instant()).isEqualTo(Instant.parse(earlier));
    assertThat(moment.ambiguous()).isTrue();
    assertThat(moment.earlierOffsetAssumed()).isTrue();
    assertThat(moment.interpretationNote()).hasValueSatisfying(note -> assertThat(note)
        .contains(time + " on " + date + " happens twice in " + zone)
        .contains("interpreted as " + earlierReading + " (the earlier of the two)")
        .contains("Tell us if you meant " + laterReading));
  }

  @ParameterizedTest(name = "{1} {2} in {0}")
  @MethodSource("fallBackOverlaps")
  void usesTheOffsetTheCustomerChoseAtFallBackOverlap(String zone, String date, String time, String earlier,
                                                      String later, String earlierReading, String laterReading) {
    // given a local time that happens twice and the offset of its second occurrence
    String secondOffset = laterReading.substring(laterReading.indexOf("UTC") + 3).replace(MINUS, "-");

    // when normalising it
    RequestedMoment moment = normalizer.normalize(date, time, zone, secondOffset);

    // then the later instant is taken and the note just confirms the choice
    assertThat(moment.instant()).isEqualTo(Instant.parse(later));
    assertThat(moment.ambiguous()).isTrue();
    assertThat(moment.earlierOffsetAssumed()).isFalse();
    assertThat(moment.interpretationNote()).hasValueSatisfying(note -> assertThat(note)
        .contains("interpreted as " + laterReading + ", as you chose")
        .doesNotContain("Tell us"));
  }

  @Test
  void choosingTheEarlierOffsetExplicitlyIsNotAnAssumption() {
    // given the New York overlap and the customer's explicit EDT offset
    // when normalising
    RequestedMoment moment = normalizer.normalize("2026-11-01", "01:30", "America/New_York", "-04:00");

    // then the earlier instant is taken as chosen, not assumed
    assertThat(moment.instant()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    assertThat(moment.earlierOffsetAssumed()).isFalse();
    assertThat(moment.interpretationNote()).hasValue(
        "01:30 on 2026-11-01 happens twice in America/New_York; interpreted as 01:30 EDT, UTC−04:00, as you chose.");
  }

  @Test
  void listsBothValidOffsetsWhenTheChosenOneFitsNeither() {
    // given the New York overlap and an offset that is neither EDT nor EST
    // when normalising
    List<FieldError> problems = problemsWith("2026-11-01", "01:30", "America/New_York", "-03:00");

    // then the customer sees the two offsets they can choose from
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("utcOffset");
      assertThat(p.message()).contains("UTC−04:00 (EDT)", "UTC−05:00 (EST)", "not UTC−03:00");
    });
  }

  @ParameterizedTest(name = "{1} in {0} with {2}")
  @CsvSource(delimiter = '|', textBlock = """
      America/New_York | 2026-11-20 | -04:00 | UTC−05:00
      Asia/Kolkata     | 2026-11-20 | +05:00 | UTC+05:30
      +05:30           | 2026-11-20 | +05:00 | UTC+05:30
      """)
  void rejectsOffsetThatContradictsTheZone(String zone, String date, String offset, String actual) {
    // given an offset that the zone does not have at that time
    // when normalising
    List<FieldError> problems = problemsWith(date, "14:30", zone, offset);

    // then the customer is told the zone's actual offset
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("utcOffset");
      assertThat(p.message()).contains("is " + actual);
    });
  }

  @Test
  void acceptsOffsetThatAgreesWithTheZone() {
    // given a redundant but correct offset
    // when normalising
    RequestedMoment moment = normalizer.normalize("2026-11-20", "14:30", "America/New_York", "UTC-05:00");

    // then it is accepted and nothing needs explaining
    assertThat(moment.instant()).isEqualTo(Instant.parse("2026-11-20T19:30:00Z"));
    assertThat(moment.interpretationNote()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} in {2}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-11-26 | 12:02    | UTC
      2026-11-26 | 12:01:01 | UTC
      2026-11-26 | 17:32    | Asia/Kolkata
      2026-11-27 | 00:00    | America/New_York
      2027-01-01 | 00:00    | Pacific/Chatham
      2026-11-27 | 01:47    | Pacific/Chatham
      """)
  void rejectsMomentInTheFuture(String date, String time, String zone) {
    // given a moment more than a minute after now (2026-11-26 12:00 UTC)
    // when normalising
    List<FieldError> problems = problemsWith(date, time, zone, null);

    // then the customer is told backups only exist for the past
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("requestedTime");
      assertThat(p.message()).contains("is in the future; backups only exist for the past");
    });
  }

  @ParameterizedTest(name = "{0} {1} in {2}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-11-26 | 12:00 | UTC
      2026-11-26 | 12:01 | UTC
      2026-11-26 | 07:01 | America/New_York
      2026-11-26 | 17:31 | Asia/Kolkata
      2026-11-27 | 01:46 | Pacific/Chatham
      """)
  void acceptsMomentWithinClockSkew(String date, String time, String zone) {
    // given a moment at most one minute after now, as a customer's fast clock would give
    // when normalising
    // then it is accepted
    assertThat(normalizer.normalize(date, time, zone, null).instant()).isBeforeOrEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void futureMessageShowsTheTimeAsTheCustomerReadsIt() {
    // given a moment one hour ahead in New York
    // when normalising
    List<FieldError> problems = problemsWith("2026-11-26", "08:00", "America/New_York", null);

    // then both the requested time and "now" are in the customer's zone
    assertThat(problems).extracting(FieldError::message).containsExactly(
        "2026-11-26 08:00 EST (UTC−05:00) is in the future; backups only exist for the past. "
            + "It is now 2026-11-26 07:00 EST (UTC−05:00).");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mars/Olympus_Mons", "America/Gotham", "Eastern", "not a zone"})
  void rejectsUnknownZoneWithExamples(String zone) {
    // given a zone nobody has heard of
    // when normalising
    List<FieldError> problems = problemsWith("2026-11-20", "14:30", zone, null);

    // then the customer is told it is unknown and what would work
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("timezone");
      assertThat(p.message()).containsAnyOf("Unknown time zone", "not a UTC offset in use")
          .contains("America/New_York", "UTC", "+05:30");
    });
  }

  @Test
  void suggestsTheZoneWhenOnlyTheCityWasGiven() {
    // given a city without its region
    // when normalising
    List<FieldError> problems = problemsWith("2026-11-20", "14:30", "New York", null);

    // then the matching IANA id is offered rather than silently assumed
    assertThat(problems).extracting(FieldError::message)
        .singleElement().asString().contains("Did you mean America/New_York?");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      EST  | America/New_York
      est  | America/New_York
      EDT  | America/New_York
      PST  | America/Los_Angeles
      CET  | Europe/Berlin
      IST  | Asia/Kolkata
      BST  | Europe/London
      AEST | Australia/Sydney
      MST  | America/Phoenix
      """)
  void rejectsAbbreviationWithHintNamingTheIanaZone(String abbreviation, String hint) {
    // given a zone abbreviation, which Java would map to a fixed offset or to an unexpected place
    // when normalising
    List<FieldError> problems = problemsWith("2026-07-15", "14:30", abbreviation, null);

    // then it is refused with the IANA id to use instead
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("timezone");
      assertThat(p.message()).contains("abbreviation").contains(hint);
    });
  }

  static Stream<String> javaShortIds() {
    return ZoneId.SHORT_IDS.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("javaShortIds")
  void rejectsEveryJavaShortId(String shortId) {
    // given any id from ZoneId.SHORT_IDS
    // when normalising
    List<FieldError> problems = problemsWith("2026-07-15", "14:30", shortId, null);

    // then it is refused with a hint that names a region zone
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("timezone");
      assertThat(p.message()).containsPattern("[A-Z][a-z]+/[A-Z]");
    });
  }

  @Test
  void rejectsEtcZoneWithInvertedSign() {
    // given Etc/GMT+5, which the tz database defines as UTC−05:00
    // when normalising
    List<FieldError> problems = problemsWith("2026-11-20", "14:30", "Etc/GMT+5", null);

    // then the customer is told what it really means and how to write the offset
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("timezone");
      assertThat(p.message()).contains("means UTC−05:00", "+05:00", "-05:00");
    });
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void reportsAllMissingFieldsTogether(String missing) {
    // given nothing filled in
    // when normalising
    List<FieldError> problems = problemsWith(missing, missing, missing, missing);

    // then date, time and zone are each reported as required; the offset is optional
    assertThat(problems)
        .extracting(FieldError::field, p -> p.message().contains("is required"))
        .containsExactly(tuple("requestedDate", true), tuple("requestedTime", true), tuple("timezone", true));
  }

  @ParameterizedTest(name = "date \"{0}\"")
  @CsvSource(delimiter = '|', textBlock = """
      20/11/2026       | YYYY-MM-DD
      2026-11-20T14:30 | YYYY-MM-DD
      26-11-20         | YYYY-MM-DD
      yesterday        | YYYY-MM-DD
      2026-02-30       | not a day in the calendar
      2026-13-01       | not a day in the calendar
      """)
  void rejectsMalformedDate(String date, String expected) {
    // given a date that is not YYYY-MM-DD, or is not a real day
    // when normalising
    List<FieldError> problems = problemsWith(date, "14:30", "UTC", null);

    // then the date is refused in words that show the expected form
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("requestedDate");
      assertThat(p.message()).contains(expected);
    });
  }

  @ParameterizedTest(name = "time \"{0}\"")
  @CsvSource(delimiter = '|', textBlock = """
      2pm      | HH:mm
      14.30    | HH:mm
      1430     | HH:mm
      14:30:00.5 | HH:mm
      24:00    | hours run from 00 to 23
      14:60    | minutes and seconds from 00 to 59
      14:30:60 | minutes and seconds from 00 to 59
      """)
  void rejectsMalformedTime(String time, String expected) {
    // given a time that is not HH:mm or HH:mm:ss on a 24-hour clock
    // when normalising
    List<FieldError> problems = problemsWith("2026-11-20", time, "UTC", null);

    // then the time is refused in words that show the expected form
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("requestedTime");
      assertThat(p.message()).contains(expected);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"EDT", "-5:0", "+05:30:00", "-13:00", "+14:30"})
  void rejectsMalformedOffset(String offset) {
    // given an offset that is not like -05:00 or is not in use anywhere
    // when normalising
    List<FieldError> problems = problemsWith("2026-11-20", "14:30", "UTC", offset);

    // then the offset is refused on its own field
    assertThat(problems).singleElement().extracting(FieldError::field).isEqualTo("utcOffset");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    // given a bad date, a bad time, an unknown zone and a bad offset
    // when normalising
    List<FieldError> problems = problemsWith("2026-02-30", "25:00", "Atlantis/Capital", "soon");

    // then all four are reported in form order, so the customer fixes them in one go
    assertThat(problems).extracting(FieldError::field)
        .containsExactly("requestedDate", "requestedTime", "timezone", "utcOffset");
  }

  @Test
  void reportsBadOffsetAlongsideFutureMoment() {
    // given a well-formed future moment and a malformed offset
    // when normalising
    List<FieldError> problems = problemsWith("2026-12-01", "10:00", "Europe/Berlin", "+1h");

    // then both problems are reported
    assertThat(problems).extracting(FieldError::field).containsExactlyInAnyOrder("requestedTime", "utcOffset");
  }

  @Test
  void gapInTheFutureIsReportedAsFuture() {
    // given a spring-forward gap that has not happened yet (New York, March 2027)
    // when normalising
    List<FieldError> problems = problemsWith("2027-03-14", "02:30", "America/New_York", null);

    // then the more basic problem, that it is in the future, is what the customer sees
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("requestedTime");
      assertThat(p.message()).startsWith("2027-03-14 02:30 in America/New_York is in the future");
    });
  }

  private List<FieldError> problemsWith(String date, String time, String zone, String offset) {
    try {
      RequestedMoment moment = normalizer.normalize(date, time, zone, offset);
      return fail("expected the request to be refused, but it was read as " + moment);
    } catch (InvalidRequestException e) {
      return e.errors();
    }
  }

  @Test
  void everyZoneOfferedInPickersIsAcceptedAsItStands() {
    // given the zones a picker offers (the portal's datalist)
    List<String> offered = MomentNormalizer.selectableZoneIds();

    // then UTC comes first, each one is accepted by these rules, and none is an abbreviation they refuse
    assertThat(offered.get(0)).isEqualTo("UTC");
    assertThat(offered).hasSizeGreaterThan(300).contains("America/New_York", "Asia/Kolkata")
        .doesNotContain("EST", "CET", "Etc/GMT+5", "EST5EDT");
    for (String zone : offered) {
      RequestedMoment m = normalizer.normalize("2026-11-20", "12:00", zone, null);
      assertThat(m.zone().getId()).as(zone).isEqualTo(zone);
    }
  }

  @Test
  void aTimeThatHappensTwiceListsBothOffsetsEarlierFirst() {
    // given 01:30 on the night New York's clocks went back
    RequestedMoment m = normalizer.normalize("2026-11-01", "01:30", "America/New_York", null);

    // then both readings are offered, the earlier instant first, each in words
    assertThat(m.possibleOffsets()).containsExactly(ZoneOffset.ofHours(-4), ZoneOffset.ofHours(-5));
    assertThat(m.reading(ZoneOffset.ofHours(-5))).isEqualTo("01:30 EST, UTC" + MINUS + "05:00");
  }

  private static Arguments args(Object... values) {
    return Arguments.of(values);
  }
}
