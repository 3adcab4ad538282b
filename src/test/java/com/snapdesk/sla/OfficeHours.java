package com.snapdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A test calendar where only 09:00–17:00 UTC counts, every day: enough to show that {@link SlaClock}
 * does all its arithmetic through {@link SlaCalendar}, as a business-hours calendar will need.
 */
final class OfficeHours implements SlaCalendar {

  private static final LocalTime OPEN = LocalTime.of(9, 0);
  private static final LocalTime CLOSE = LocalTime.of(17, 0);

  @Override
  public Instant plus(Instant from, Duration slaTime) {
    Instant at = from;
    Duration left = slaTime;
    while (true) {
      ZonedDateTime t = at.atZone(ZoneOffset.UTC);
      Instant open = t.with(OPEN).toInstant();
      Instant close = t.with(CLOSE).toInstant();
      if (at.isBefore(open)) at = open;
      if (!at.isBefore(close)) {
        at = t.plusDays(1).with(OPEN).toInstant();
        continue;
      }
      Duration today = Duration.between(at, close);
      if (today.compareTo(left) >= 0) return at.plus(left);
      left = left.minus(today);
      at = t.plusDays(1).with(OPEN).toInstant();
    }
  }

  @Override
  public Duration between(Instant start, Instant end) {
    Duration total = Duration.ZERO;
    for (Instant day = start; day.isBefore(end); ) {
      ZonedDateTime t = day.atZone(ZoneOffset.UTC);
      Instant open = t.with(OPEN).toInstant();
      Instant close = t.with(CLOSE).toInstant();
      Instant from = day.isAfter(open) ? day : open;
      Instant to = end.isBefore(close) ? end : close;
      if (to.isAfter(from)) total = total.plus(Duration.between(from, to));
      day = t.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return total;
  }
}
