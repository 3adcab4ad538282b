package com.snapdesk.sla;

/** What can happen to an SLA clock. MET, BREACHED and STOPPED finish it. */
public enum SlaEventType {
  STARTED,
  /** Waiting on the customer or on an archive restore; paused time does not count. */
  PAUSED,
  RESUMED,
  /** The escalation point (a fraction of the target) was reached and support leads were told. */
  ESCALATED,
  /** Stopped within the target (exactly at the target counts as met). */
  MET,
  /** Stopped after the target. */
  BREACHED,
  /** The ticket ended without the clock being met: rejected, cancelled, closed without reply. */
  STOPPED;

  public boolean finishes() {
    return this == MET || this == BREACHED || this == STOPPED;
  }
}
