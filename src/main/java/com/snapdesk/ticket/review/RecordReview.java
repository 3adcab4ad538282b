package com.snapdesk.ticket.review;

import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.RejectionReason;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketMessage;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TimelineEvents;
import com.snapdesk.ticket.UnknownTicketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Use case: the agent approved, rejected or asked the customer, possibly choosing another recovery point. */
@Service
public class RecordReview {

  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";
  public static final String ASK_CUSTOMER = "ask-customer";
  static final int MAX_NOTE = 2000;

  private final TicketRepository tickets;
  private final RecoveryPointCatalog catalog;
  private final Clock clock;

  public RecordReview(TicketRepository tickets, RecoveryPointCatalog catalog, Clock clock) {
    this.tickets = tickets;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** What the approval policy needs to know about the agent's decision. */
  public record ReviewOutcome(String decision, String environment, String scope, long pointAgeDays,
                              boolean pointOverridden, String chosenPoint) {}

  public ReviewOutcome record(String ticketId, String decision, String note, String overridePointId, String reviewer) {
    Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    String cleanNote = note == null ? "" : note.strip();
    if (!APPROVE.equals(decision) && !REJECT.equals(decision) && !ASK_CUSTOMER.equals(decision)) {
      throw new InvalidRequestException("decision", "Choose approve, reject or ask-customer.");
    }
    if (cleanNote.length() > MAX_NOTE) {
      throw new InvalidRequestException("decisionNote", "Keep the note under " + MAX_NOTE + " characters.");
    }
    if (REJECT.equals(decision) && cleanNote.isEmpty()) {
      throw new InvalidRequestException("decisionNote", "Tell the customer why: a rejection needs a note.");
    }
    if (ASK_CUSTOMER.equals(decision) && cleanNote.isEmpty()) {
      throw new InvalidRequestException("decisionNote", "Write the question for the customer in the note.");
    }
    Instant now = clock.instant();
    String pointId = overridePointId == null ? "" : overridePointId.strip();
    Ticket.PointRef chosen = ticket.chosenPoint();
    if (APPROVE.equals(decision) && !pointId.isEmpty() && (chosen == null || !pointId.equals(chosen.id()))) {
      RecoveryPoint point = catalog.find(ticket.projectId(), ticket.environment(), pointId)
          .filter(RecoveryPoint::isCandidate)
          .orElseThrow(() -> new InvalidRequestException("recoveryPointId", "No completed automatic recovery point '"
              + pointId + "' exists for " + ticket.projectId() + " " + ticket.environment().id() + "."));
      chosen = new Ticket.PointRef(point.id(), point.createdAt());
      tickets.saveChosenPoint(ticketId, chosen, now);
      tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.REVIEWED, reviewer,
          "Agent chose recovery point " + point.id()));
    }
    if (APPROVE.equals(decision) && chosen == null) {
      throw new InvalidRequestException("recoveryPointId", "No recovery point is resolved: choose one or reject.");
    }
    switch (decision) {
      case APPROVE -> tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.REVIEWED, reviewer, "Approved"));
      case REJECT -> {
        tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.REVIEWED, reviewer, "Rejected"));
        tickets.reject(ticketId, RejectionReason.REJECTED_BY_AGENT, cleanNote, now);
      }
      default -> {
        tickets.addMessage(ticketId, new TicketMessage(now, TicketMessage.Author.AGENT, reviewer, cleanNote));
        tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.ASKED, reviewer, "Asked the customer a question"));
      }
    }
    boolean overridden = chosen != null && ticket.resolvedPoint() != null
        && !chosen.id().equals(ticket.resolvedPoint().id());
    long ageDays = chosen == null ? 0 : Duration.between(chosen.createdAt(), now).toDays();
    return new ReviewOutcome(decision, ticket.environment().id(), ticket.scope().id(), ageDays, overridden,
        chosen == null ? "" : SelectRecoveryPoint.describe(ticket, chosen));
  }
}
