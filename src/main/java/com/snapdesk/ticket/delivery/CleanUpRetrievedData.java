package com.snapdesk.ticket.delivery;

import com.snapdesk.recovery.RecoveryRetrieval;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TimelineEvents;
import com.snapdesk.ticket.UnknownTicketException;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Use case: remove what retrieval created for a ticket. Safe to run twice, or when nothing was retrieved. */
@Service
public class CleanUpRetrievedData {

  private final TicketRepository tickets;
  private final RecoveryRetrieval retrieval;
  private final Clock clock;

  public CleanUpRetrievedData(TicketRepository tickets, RecoveryRetrieval retrieval, Clock clock) {
    this.tickets = tickets;
    this.retrieval = retrieval;
    this.clock = clock;
  }

  public void cleanUp(String ticketId) {
    tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    retrieval.cleanup(RetrieveRecoveryPoint.recoveryId(ticketId));
    boolean already = tickets.events(ticketId).stream().anyMatch(e -> TimelineEvents.CLEANED_UP.equals(e.type()));
    if (!already) {
      tickets.addEvent(ticketId, new TicketEvent(clock.instant(), TimelineEvents.CLEANED_UP, "system",
          "Retrieved data removed"));
    }
  }
}
