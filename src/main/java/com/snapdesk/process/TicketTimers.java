package com.snapdesk.process;

import com.snapdesk.ticket.TicketProperties;
import org.springframework.stereotype.Component;

/**
 * Timer durations the model reads from configuration when the timer starts, as
 * {@code ${ticketTimers.verificationTimeout()}}: no process variable to copy in at start, and none that a client
 * could write.
 */
@Component("ticketTimers")
public class TicketTimers {

  private final TicketProperties properties;

  TicketTimers(TicketProperties properties) {
    this.properties = properties;
  }

  /** ISO-8601, as the engine's timeDuration reads it. */
  public String verificationTimeout() {
    return properties.verificationTimeout().toString();
  }
}
