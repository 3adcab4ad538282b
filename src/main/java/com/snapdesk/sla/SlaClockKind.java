package com.snapdesk.sla;

/** The two SLA clocks every ticket has. Both start when the ticket is submitted. */
public enum SlaClockKind {
  /** Until the agent's first decision on the request (approve, reject or ask the customer). */
  FIRST_RESPONSE,
  /** Until the restore instructions are emailed to the customer. */
  DELIVERY
}
