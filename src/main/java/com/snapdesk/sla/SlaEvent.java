package com.snapdesk.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to the SLA clocks of one ticket.
 *
 * @param clock the clock it applies to, or {@code null} for both
 * @param detail free text for people (e.g. why a clock was paused); may be null
 */
public record SlaEvent(String ticketId, SlaClockKind clock, SlaEventType type, Instant at, String detail) {

  public SlaEvent {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
  }

  /** Whether this event concerns the given clock (its own events and those for both clocks). */
  public boolean appliesTo(SlaClockKind kind) {
    return clock == null || clock == kind;
  }
}
