package com.snapdesk.ticket.review;

import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TimelineEvents;
import com.snapdesk.ticket.UnknownTicketException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Use case: what the process must take from the ticket record after a task, never from the variables a task
 * completion sent — the approval policy's inputs, who reviewed, and what the lead reads.
 */
@Service
public class ReviewRecord {

  private final TicketRepository tickets;

  public ReviewRecord(TicketRepository tickets) {
    this.tickets = tickets;
  }

  /**
   * @param reviewers every agent who recorded a review approval (or chose a point), oldest first; the lead
   *                  may be none of them
   */
  public record Facts(String ticketId, String environment, String scope, Instant submittedAt, String customer,
                      String project, String requestedLocal, String requestedUtc, String interpretationNote,
                      String reason, String chosenPoint, List<String> reviewers) {

    /** The latest reviewer, as the lead's form shows it; empty before any review. */
    public String lastReviewer() {
      return reviewers.isEmpty() ? "" : reviewers.get(reviewers.size() - 1);
    }
  }

  public Facts of(String ticketId) {
    Ticket t = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    return new Facts(t.id(), t.environment().id(), t.scope().id(), t.createdAt(), customer(t), project(t),
        t.moment().localText(), t.moment().utcText(), t.moment().interpretationNote().orElse(""), t.reason(),
        t.chosenPoint() == null ? "" : SelectRecoveryPoint.describe(t, t.chosenPoint()),
        reviewers(tickets.events(ticketId)));
  }

  /** Who reviewed, from the timeline the review listener wrote in the same transaction as the decision. */
  static List<String> reviewers(List<TicketEvent> events) {
    var actors = new LinkedHashSet<String>();
    events.stream().filter(e -> TimelineEvents.REVIEWED.equals(e.type())).map(TicketEvent::actor)
        .forEach(actor -> {
          actors.remove(actor); // keep the latest position: the last reviewer comes last
          actors.add(actor);
        });
    return List.copyOf(actors);
  }

  static String customer(Ticket t) {
    return t.customerName() + " <" + t.customerEmail() + ">";
  }

  static String project(Ticket t) {
    return t.projectId() + " — " + t.environment().id();
  }
}
