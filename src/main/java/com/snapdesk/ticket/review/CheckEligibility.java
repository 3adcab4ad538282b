package com.snapdesk.ticket.review;

import com.snapdesk.project.ProjectDirectory;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.UnknownTicketException;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Use case: decide whether a ticket may go on, and record why not. */
@Service
public class CheckEligibility {

  private final TicketRepository tickets;
  private final ProjectDirectory projects;
  private final Clock clock;

  public CheckEligibility(TicketRepository tickets, ProjectDirectory projects, Clock clock) {
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
