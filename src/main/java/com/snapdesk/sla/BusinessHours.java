package com.snapdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Only working time counts: the working days' opening hours in one zone, holidays excluded, as Jira
 * Service Management and Zendesk count SLAs. Opening hours are local wall-clock times, so a working day
 * on which the clocks change is an hour shorter or longer when the change falls inside its hours.
 *
 * <p>{@code closesAt} 00:00 means midnight at the end of the day, so 00:00–00:00 is the whole day.
 */
public final class BusinessHours implements SlaCalendar {

  /** Far enough for any real target; a calendar without working time is refused before this. */
  private static final int MAX_DAYS = 3_660;

  private final ZoneId zone;
  private final Set<DayOfWeek> workingDays;
  private final LocalTime opensAt;
  private final LocalTime closesAt;
  private final Set<LocalDate> holidays;

  public BusinessHours(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opensAt, LocalTime closesAt,
                       Set<LocalDate> holidays) {
    this.zone = Objects.requireNonNull(zone, "zone");
    if (workingDays == null || workingDays.isEmpty()) throw new IllegalArgumentException("no working days");
    this.workingDays = EnumSet.copyOf(workingDays);
    this.opensAt = Objects.requireNonNull(opensAt, "opensAt");
    this.closesAt = Objects.requireNonNull(closesAt, "closesAt");
    if (!closesAtMidnight() && !closesAt.isAfter(opensAt)) {
      throw new IllegalArgumentException("business hours must close after they open: " + opensAt + "–" + closesAt);
    }
    this.holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
  }

  @Override
  public Instant plus(Instant from, Duration slaTime) {
    if (slaTime.isNegative()) throw new IllegalArgumentException("SLA time must not be negative: " + slaTime);
    if (slaTime.isZero()) return from;
    Duration left = slaTime;
    LocalDate day = from.atZone(zone).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      Window w = window(day);
      if (w == null) continue;
      Instant start = from.isAfter(w.open) ? from : w.open;
      if (!start.isBefore(w.close)) continue;
      Duration available = Duration.between(start, w.close);
      if (available.compareTo(left) >= 0) return start.plus(left);
      left = left.minus(available);
    }
    throw new IllegalStateException("no working time within " + MAX_DAYS + " days of " + from + " in " + this);
  }

  @Override
  public Duration between(Instant start, Instant end) {
    if (!end.isAfter(start)) return Duration.ZERO;
    Duration total = Duration.ZERO;
    LocalDate last = end.atZone(zone).toLocalDate();
    for (LocalDate day = start.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      Window w = window(day);
      if (w == null) continue;
      Instant from = start.isAfter(w.open) ? start : w.open;
      Instant to = end.isBefore(w.close) ? end : w.close;
      if (to.isAfter(from)) total = total.plus(Duration.between(from, to));
    }
    return total;
  }

  private record Window(Instant open, Instant close) {}

  /** The day's working hours as instants; a local time in a DST gap moves forward as ZonedDateTime does. */
  private Window window(LocalDate day) {
    if (!workingDays.contains(day.getDayOfWeek()) || holidays.contains(day)) return null;
    Instant open = day.atTime(opensAt).atZone(zone).toInstant();
    Instant close = closesAtMidnight()
        ? day.plusDays(1).atStartOfDay(zone).toInstant()
        : day.atTime(closesAt).atZone(zone).toInstant();
    return close.isAfter(open) ? new Window(open, close) : null;
  }

  private boolean closesAtMidnight() {
    return closesAt.equals(LocalTime.MIDNIGHT);
  }

  @Override
  public String toString() {
    return "business hours " + workingDays + " " + opensAt + "–" + (closesAtMidnight() ? "24:00" : closesAt) + " "
        + zone + (holidays.isEmpty() ? "" : ", " + holidays.size() + " holidays");
  }
}
