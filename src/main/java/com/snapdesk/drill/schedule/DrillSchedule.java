package com.snapdesk.drill.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.springframework.scheduling.support.CronExpression;

/**
 * When drills fire: a Spring cron expression (six fields, UTC) or an ISO-8601 repeating interval
 * {@code R[n]/[start/]duration}. Firings are the same instants on every node, so the drill table's unique slot
 * lets one node schedule them: an interval without a start counts from 1970-01-01T00:00Z.
 */
final class DrillSchedule {

  private final CronExpression cron;
  private final Instant anchor;
  private final Duration period;

  private DrillSchedule(CronExpression cron, Instant anchor, Duration period) {
    this.cron = cron;
    this.anchor = anchor;
    this.period = period;
  }

  static DrillSchedule parse(String text) {
    String value = Objects.requireNonNull(text, "schedule").trim();
    if (value.startsWith("R")) {
      String[] parts = value.split("/");
      if (parts.length < 2 || parts.length > 3) throw invalid(value, null);
      try {
        Instant anchor = parts.length == 3 ? Instant.parse(parts[1]) : Instant.EPOCH;
        Duration period = duration(parts[parts.length - 1]);
        if (period.isNegative() || period.isZero()) throw invalid(value, null);
        return new DrillSchedule(null, anchor, period);
      } catch (RuntimeException e) {
        throw invalid(value, e);
      }
    }
    try {
      return new DrillSchedule(CronExpression.parse(value), null, null);
    } catch (IllegalArgumentException e) {
      throw invalid(value, e);
    }
  }

  /** The first firing strictly after {@code after}. */
  Instant next(Instant after) {
    if (cron != null) {
      ZonedDateTime next = cron.next(after.atZone(ZoneOffset.UTC));
      return next == null ? null : next.toInstant();
    }
    if (after.isBefore(anchor)) return anchor;
    long periods = Duration.between(anchor, after).dividedBy(period) + 1;
    return anchor.plus(period.multipliedBy(periods));
  }

  /** PT6H, or a day-based P1D / P7D, as days of 24 hours. */
  private static Duration duration(String text) {
    if (text.contains("T")) return Duration.parse(text);
    Period p = Period.parse(text);
    if (p.getYears() != 0 || p.getMonths() != 0) throw new IllegalArgumentException("use days or weeks, not months");
    return Duration.ofDays(p.getDays());
  }

  private static IllegalArgumentException invalid(String value, Exception cause) {
    return new IllegalArgumentException("snapdesk.drills.schedule '" + value + "' is neither a cron expression"
        + " (0 0 3 * * SUN) nor an ISO-8601 repeating interval (R/P1D, R/2026-01-04T03:00:00Z/P7D)", cause);
  }
}
