package com.snapdesk.ticket;

import com.snapdesk.notify.MailView.RejectionReason;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Use case: the agent approved or rejected, possibly choosing another recovery point. */
@Service
public class ReviewRecording {

  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";
  static final int MAX_NOTE = 2000;

  private final TicketRepository tickets;
  private final RecoveryPointCatalog catalog;
  private final Clock clock;

  public ReviewRecording(TicketRepository tickets, RecoveryPointCatalog catalog, Clock clock) {
    this.tickets = tickets;
    this.catalog = catalog;
    this.clock = clock;
  }

  public void record(String ticketId, String decision, String note, String overridePointId, String reviewer) {
    Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    String cleanNote = note == null ? "" : note.strip();
    if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
      throw new InvalidRequestException("decision", "Choose approve or reject.");
    }
    if (cleanNote.length() > MAX_NOTE) {
      throw new InvalidRequestException("decisionNote", "Keep the note under " + MAX_NOTE + " characters.");
    }
    if (REJECT.equals(decision) && cleanNote.isEmpty()) {
      throw new InvalidRequestException("decisionNote", "Tell the customer why: a rejection needs a note.");
    }
    Instant now = clock.instant();
    String pointId = overridePointId == null ? "" : overridePointId.strip();
    if (APPROVE.equals(decision) && !pointId.isEmpty()
        && (ticket.chosenPoint() == null || !pointId.equals(ticket.chosenPoint().id()))) {
      RecoveryPoint point = catalog.find(ticket.projectId(), ticket.environment(), pointId)
          .filter(RecoveryPoint::isCandidate)
          .orElseThrow(() -> new InvalidRequestException("recoveryPointId", "No completed automatic recovery point '"
              + pointId + "' exists for " + ticket.projectId() + " " + ticket.environment().id() + "."));
      tickets.saveChosenPoint(ticketId, new Ticket.PointRef(point.id(), point.createdAt()), now);
      tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.REVIEWED, reviewer,
          "Agent chose recovery point " + point.id()));
    }
    tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.REVIEWED, reviewer,
        APPROVE.equals(decision) ? "Approved" : "Rejected"));
    if (REJECT.equals(decision)) {
      tickets.reject(ticketId, RejectionReason.REJECTED_BY_AGENT, cleanNote, now);
    }
  }
}
