package com.snapdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Use case: the ticket moved on in its process; the customer sees the new status and a timeline line. */
@Service
public class ChangeTicketStatus {

  private final TicketRepository tickets;
  private final Clock clock;

  public ChangeTicketStatus(TicketRepository tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  public void moveTo(String ticketId, TicketStatus status) {
    Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    if (ticket.status() == status) return; // a retried job must not add the line twice
    Instant now = clock.instant();
    String detail = status == TicketStatus.REJECTED ? ticket.statusDetail() : null;
    tickets.updateStatus(ticketId, status, detail, now);
    tickets.addEvent(ticketId, new TicketEvent(now, status.name(), "system", describe(status)));
  }

  private static String describe(TicketStatus status) {
    return switch (status) {
      case RECEIVED -> "Request received";
      case AWAITING_APPROVAL -> "Waiting for a support agent to review the request";
      case AWAITING_CUSTOMER -> "Waiting for your answer";
      case RETRIEVING -> "Retrieving the recovery point";
      case READY -> "Data retrieved; restore instructions sent";
      case CLOSED -> "Closed";
      case REJECTED -> "Request rejected";
      case CANCELLED -> "Cancelled";
    };
  }
}
