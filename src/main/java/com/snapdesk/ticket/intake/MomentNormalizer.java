package com.snapdesk.ticket.intake;

import com.snapdesk.shared.FieldError;
import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.shared.TimeText;
import com.snapdesk.ticket.RequestedMoment;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the date, time and zone a customer typed into one instant, or explains every problem at once:
 * times that do not exist (spring-forward gaps), times that happen twice (fall-back overlaps), offsets
 * that contradict the zone, and moments in the future.
 */
public class MomentNormalizer {

  public static final String DATE = "requestedDate";
  public static final String TIME = "requestedTime";
  public static final String TIMEZONE = "timezone";
  public static final String UTC_OFFSET = "utcOffset";

  /** A customer's clock may run a little ahead of ours; "now" on their watch must not be "the future". */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private static final Pattern DATE_SHAPE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern TIME_SHAPE = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private final Clock clock;

  public MomentNormalizer(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param utcOffset optional ({@code null} or blank when absent); picks one side of an overlap, and
   *     elsewhere must agree with the zone
   * @throws InvalidRequestException listing every problem, with the field names above
   */
  public RequestedMoment normalize(String date, String time, String timezone, String utcOffset) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate localDate = parseDate(date, errors);
    LocalTime localTime = parseTime(time, errors);
    ZoneId zone = parseZone(timezone, errors);
    ZoneOffset givenOffset = parseOffset(utcOffset, errors);

    RequestedMoment moment = null;
    if (localDate != null && localTime != null && zone != null) {
      moment = resolve(LocalDateTime.of(localDate, localTime), zone, givenOffset, errors);
    }
    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    return moment;
  }

  private RequestedMoment resolve(LocalDateTime local, ZoneId zone, ZoneOffset givenOffset, List<FieldError> errors) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> valid = rules.getValidOffsets(local);
    Instant latestAccepted = clock.instant().plus(CLOCK_SKEW);

    if (valid.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      if (gap.getInstant().isAfter(latestAccepted)) {
        errors.add(future(local.toLocalDate() + " " + local.format(CLOCK) + " in " + zone.getId(), zone));
      } else {
        errors.add(new FieldError(TIME, gapMessage(local, zone, gap)));
      }
      return null;
    }

    boolean ambiguous = valid.size() > 1;
    ZoneOffset offset;
    if (givenOffset == null) {
      offset = valid.get(0); // ZoneRules lists the offset before the transition first: the earlier instant
    } else if (valid.contains(givenOffset)) {
      offset = givenOffset;
    } else {
      errors.add(new FieldError(UTC_OFFSET, offsetMismatch(local, zone, valid, givenOffset)));
      return null;
    }

    Instant instant = local.toInstant(offset);
    if (instant.isAfter(latestAccepted)) {
      errors.add(future(TimeText.local(instant, zone), zone));
      return null;
    }
    return new RequestedMoment(local.toLocalDate(), local.toLocalTime(), zone, offset, instant,
        ambiguous, ambiguous && givenOffset == null);
  }

  private FieldError future(String requested, ZoneId zone) {
    return new FieldError(TIME, requested + " is in the future; backups only exist for the past. It is now "
        + TimeText.local(clock.instant(), zone) + ".");
  }

  private static String gapMessage(LocalDateTime local, ZoneId zone, ZoneOffsetTransition gap) {
    LocalDateTime from = gap.getDateTimeBefore();
    LocalDateTime to = gap.getDateTimeAfter();
    boolean sameDay = from.toLocalDate().equals(to.toLocalDate());
    String span = sameDay
        ? from.format(CLOCK) + "\u2013" + to.format(CLOCK) + " does not exist on " + from.toLocalDate()
        : from.toLocalDate() + " " + from.format(CLOCK) + "\u2013" + to.toLocalDate() + " " + to.format(CLOCK)
            + " does not exist";
    String nearest = to.format(CLOCK) + (to.toLocalDate().equals(local.toLocalDate()) ? "" : " on " + to.toLocalDate());
    return span + " in " + zone.getId() + ": clocks moved forward from " + TimeText.offset(gap.getOffsetBefore())
        + " to " + TimeText.offset(gap.getOffsetAfter()) + ". The nearest valid time is " + nearest + ".";
  }

  private static String offsetMismatch(LocalDateTime local, ZoneId zone, List<ZoneOffset> valid, ZoneOffset given) {
    String at = local.format(CLOCK) + " on " + local.toLocalDate() + " in " + zone.getId();
    String options = valid.stream().map(o -> reading(local, zone, o)).collect(Collectors.joining(" or "));
    String advice = valid.size() > 1 ? " Choose one of them, or leave the offset empty for the earlier one."
        : " Correct the offset or leave it empty.";
    return at + " is " + options + ", not " + TimeText.offset(given) + "." + advice;
  }

  /** {@code UTC−04:00 (EDT)}. */
  private static String reading(LocalDateTime local, ZoneId zone, ZoneOffset offset) {
    return TimeText.offset(offset)
        + TimeText.abbreviation(local.toInstant(offset), zone).map(a -> " (" + a + ")").orElse("");
  }

  /**
   * Time zones to offer in pickers: {@code UTC}, then the IANA region ids these rules accept, alphabetically
   * (abbreviations, POSIX-inverted {@code Etc/GMT+5} and other ids the rules refuse are left out).
   */
  public static List<String> selectableZoneIds() {
    var regions = ZoneId.getAvailableZoneIds().stream()
        .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
        .filter(id -> ZoneInput.zone(id).isOk())
        .sorted();
    return java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"), regions).toList();
  }

  private static LocalDate parseDate(String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(DATE, "The date is required, e.g. 2026-11-20."));
      return null;
    }
    String t = text.strip();
    if (!DATE_SHAPE.matcher(t).matches()) {
      errors.add(new FieldError(DATE, "\"" + t + "\" is not a date in the form YYYY-MM-DD, e.g. 2026-11-20."));
      return null;
    }
    try {
      return LocalDate.parse(t); // ISO_LOCAL_DATE is strict: 2026-02-30 fails
    } catch (DateTimeException e) {
      errors.add(new FieldError(DATE, t + " is not a day in the calendar."));
      return null;
    }
  }

  private static LocalTime parseTime(String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(TIME, "The time is required, e.g. 14:30."));
      return null;
    }
    String t = text.strip();
    Matcher m = TIME_SHAPE.matcher(t);
    if (!m.matches()) {
      errors.add(new FieldError(TIME, "\"" + t + "\" is not a time in the form HH:mm (24-hour clock), e.g. 14:30."));
      return null;
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (hour > 23 || minute > 59 || second > 59) {
      errors.add(new FieldError(TIME, "\"" + t + "\" is not a time of day: hours run from 00 to 23, minutes and "
          + "seconds from 00 to 59."));
      return null;
    }
    return LocalTime.of(hour, minute, second);
  }

  private static ZoneId parseZone(String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(TIMEZONE, "The time zone is required: " + ZoneInput.EXAMPLES + "."));
      return null;
    }
    var parsed = ZoneInput.zone(text);
    if (!parsed.isOk()) errors.add(new FieldError(TIMEZONE, parsed.error()));
    return parsed.value();
  }

  private static ZoneOffset parseOffset(String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) return null;
    var parsed = ZoneInput.offset(text);
    if (!parsed.isOk()) errors.add(new FieldError(UTC_OFFSET, parsed.error()));
    return parsed.value();
  }
}
