package com.snapdesk.sla;

import com.snapdesk.recovery.Environment;

/** Both clocks of one ticket. */
public record SlaStatus(String ticketId, Environment environment, SlaDeadline firstResponse, SlaDeadline delivery) {

  public SlaDeadline of(SlaClockKind clock) {
    return switch (clock) {
      case FIRST_RESPONSE -> firstResponse;
      case DELIVERY -> delivery;
    };
  }
}
