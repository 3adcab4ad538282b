package com.snapdesk.ticket;

import com.snapdesk.recovery.ProjectDirectory;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Use case: decide whether a ticket may go on, and record why not. */
@Service
public class EligibilityCheck {

  private final TicketRepository tickets;
  private final ProjectDirectory projects;
  private final Clock clock;

  public EligibilityCheck(TicketRepository tickets, ProjectDirectory projects, Clock clock) {
    this.tickets = tickets;
    this.projects = projects;
    this.clock = clock;
  }

  public Eligibility.Decision check(String ticketId) {
    Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    Eligibility.Decision decision =
        Eligibility.assess(projects.find(ticket.projectId()), ticket.environment(), ticket.customerEmail());
    if (!decision.eligible()) {
      tickets.reject(ticketId, decision.reason(), decision.detail(), clock.instant());
    }
    return decision;
  }
}
