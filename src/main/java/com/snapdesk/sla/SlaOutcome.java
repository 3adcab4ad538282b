package com.snapdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * How a clock finished.
 *
 * @param type MET, BREACHED or STOPPED
 * @param elapsed SLA time used, paused time excluded
 */
public record SlaOutcome(SlaClockKind clock, SlaEventType type, Instant at, Duration elapsed, Duration target) {

  public boolean met() {
    return type == SlaEventType.MET;
  }
}
