package com.snapdesk.sla;

import java.time.Duration;
import java.time.Instant;

/** Every hour counts: nights, weekends and holidays included. */
public final class CalendarHours implements SlaCalendar {

  @Override
  public Instant plus(Instant from, Duration slaTime) {
    if (slaTime.isNegative()) throw new IllegalArgumentException("SLA time must not be negative: " + slaTime);
    return from.plus(slaTime);
  }

  @Override
  public Duration between(Instant start, Instant end) {
    return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
  }

  @Override
  public String toString() {
    return "calendar hours";
  }
}
