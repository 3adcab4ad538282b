package com.snapdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one clock stands, for Tasklist due dates, escalation timers and status views.
 *
 * @param dueAt when the target is reached if the clock keeps running (see {@link SlaClock#dueAt})
 * @param escalateAt when the escalation point is reached, likewise
 * @param usedFraction SLA time used as a fraction of the target (above 1 once breached)
 * @param finished whether MET, BREACHED or STOPPED was recorded
 * @param paused whether the clock waits (on the customer or an archive restore), even when already breached
 */
public record SlaClockReading(SlaClockKind clock, SlaClockState state, Duration target, Duration elapsed, Instant dueAt,
                          Instant escalateAt, double usedFraction, boolean finished, boolean escalated,
                          boolean paused) {

  static SlaClockReading of(SlaClock clock, Instant now) {
    return new SlaClockReading(clock.kind(), clock.state(now), clock.target(), clock.elapsed(now), clock.dueAt(now),
        clock.escalateAt(now), clock.usedFraction(now), clock.isFinished(), clock.isEscalated(), clock.isPaused());
  }

  /** SLA time left; negative once the target is exceeded. */
  public Duration remaining() {
    return target.minus(elapsed);
  }
}
