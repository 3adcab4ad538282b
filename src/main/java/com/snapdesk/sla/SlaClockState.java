package com.snapdesk.sla;

/**
 * Where an SLA clock stands. A clock that has used more than its target reads {@code BREACHED} at
 * once, even while it still runs or is paused (it can no longer be met); {@link SlaClock#isFinished()}
 * tells whether it was stopped.
 */
public enum SlaClockState {
  RUNNING,
  PAUSED,
  MET,
  BREACHED,
  STOPPED
}
