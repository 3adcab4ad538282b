package com.snapdesk.sla;

import com.snapdesk.project.Environment;

/** Both clocks of one ticket. */
public record TicketSla(String ticketId, Environment environment, SlaClockReading firstResponse, SlaClockReading delivery) {

  public SlaClockReading of(SlaClockKind clock) {
    return switch (clock) {
      case FIRST_RESPONSE -> firstResponse;
      case DELIVERY -> delivery;
    };
  }
}
