package com.snapdesk.ticket;

/** The customer asked for something the ticket's current status does not allow (HTTP 409). */
public class TicketStateConflictException extends RuntimeException {
  private final TicketStatus status;

  public TicketStateConflictException(TicketStatus status, String message) {
    super(message);
    this.status = status;
  }

  public TicketStatus status() {
    return status;
  }
}
