package com.snapdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Use case: the ticket moved on in its process; the customer sees the new status and a timeline line. */
@Service
public class ChangeTicketStatus {

  private final TicketRepository tickets;
  private final TicketProperties properties;
  private final Clock clock;

  public ChangeTicketStatus(TicketRepository tickets, TicketProperties properties, Clock clock) {
    this.tickets = tickets;
    this.properties = properties;
    this.clock = clock;
  }

  /** Nobody confirmed the request from the contact's mailbox in time: it ends, nothing retrieved. */
  public void closeUnverified(String ticketId) {
    Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    if (ticket.status() == TicketStatus.CLOSED) return;
    Instant now = clock.instant();
    String detail = "Not confirmed within " + com.snapdesk.shared.TimeText.distance(properties.verificationTimeout())
        + " of the request; nothing was retrieved. Submit a new request if you still need the backup.";
    tickets.updateStatus(ticketId, TicketStatus.CLOSED, detail, now);
    tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.VERIFICATION_EXPIRED, "system", detail));
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
      case AWAITING_VERIFICATION -> "Waiting for the request to be confirmed from the contact's mailbox";
      case RECEIVED -> "Request confirmed";
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
