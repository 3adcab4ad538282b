package com.snapdesk.sla;

import com.snapdesk.project.Environment;
import java.time.Duration;
import java.util.Objects;

/**
 * One row of the SLA event log: the event and what a report needs without replaying history.
 *
 * @param environment the ticket's environment, as its clocks were started with
 * @param target the clock's target as started; null for rows without a clock
 * @param elapsed the clock's SLA time used at that moment (zero when STARTED, final when MET,
 *     BREACHED or STOPPED); null for rows without a clock
 */
public record SlaLogEntry(SlaEvent event, Environment environment, Duration target, Duration elapsed) {

  public SlaLogEntry {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(environment, "environment");
  }
}
