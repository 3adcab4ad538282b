package com.snapdesk.ticket;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who may see or act on a ticket: whoever holds one of its tokens (each handed out only in an email to the
 * requester), until {@link TicketProperties#tokenLifetimeAfterEnd()} after the ticket ended. A wrong, unknown
 * or expired token looks exactly like a ticket that does not exist.
 */
@Service
public class TicketAccess {

  private final TicketRepository tickets;
  private final TicketProperties properties;
  private final Clock clock;

  public TicketAccess(TicketRepository tickets, TicketProperties properties, Clock clock) {
    this.tickets = tickets;
    this.properties = properties;
    this.clock = clock;
  }

  public Optional<Ticket> authorize(String ticketId, String token) {
    if (ticketId == null || token == null || token.isBlank()) return Optional.empty();
    if (!tickets.hasAccessToken(ticketId, AccessTokens.hash(token))) return Optional.empty();
    return tickets.find(ticketId).filter(this::stillOpenToItsTokens);
  }

  /** A final status is never left again, so the last update of an ended ticket is when it ended. */
  private boolean stillOpenToItsTokens(Ticket t) {
    return !t.status().isFinal() || t.updatedAt().plus(properties.tokenLifetimeAfterEnd()).isAfter(clock.instant());
  }
}
