package com.snapdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Which time counts towards an SLA. Calendar hours count every hour; a business-hours calendar would
 * skip nights, weekends and holidays. All SLA arithmetic goes through this interface.
 */
public interface SlaCalendar {

  /** The instant at which {@code slaTime} (not negative) of SLA time has passed since {@code from}. */
  Instant plus(Instant from, Duration slaTime);

  /** The SLA time between two instants; zero when {@code end} is not after {@code start}. */
  Duration between(Instant start, Instant end);
}
