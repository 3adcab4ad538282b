package com.snapdesk.sla;

import com.snapdesk.project.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Port: what finished SLA clocks add up to over a period, computed where the events are (SQL aggregates
 * and percentiles over {@code sla_event}), never by loading the history.
 */
public interface SlaHistory {

  /**
   * Clocks that finished as MET or BREACHED in {@code [from, to]}, per clock.
   *
   * @param environment only this environment's tickets; null for all
   */
  Map<SlaClockKind, Outcomes> outcomes(Instant from, Instant to, Environment environment);

  /**
   * Met and breached clocks and the SLA time they used (paused time and, for business-hours
   * environments, closed hours excluded). Percentiles are null when nothing finished.
   */
  record Outcomes(long met, long breached, Duration p50, Duration p90, Duration max) {

    public static final Outcomes NONE = new Outcomes(0, 0, null, null, null);

    public long total() {
      return met + breached;
    }

    /** Share of met clocks in percent, one decimal; null when nothing finished. */
    public Double metPercent() {
      return total() == 0 ? null : Math.round(1000.0 * met / total()) / 10.0;
    }

    public Double breachedPercent() {
      return total() == 0 ? null : Math.round(1000.0 * breached / total()) / 10.0;
    }
  }
}
