package com.snapdesk.ticket.review;

import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.RejectionReason;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TimelineEvents;
import com.snapdesk.ticket.UnknownTicketException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Use case: a support lead's second approval. Four eyes: never the agent who reviewed the request. */
@Service
public class RecordLeadApproval {

  private final TicketRepository tickets;
  private final Clock clock;

  public RecordLeadApproval(TicketRepository tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  /**
   * Who reviewed comes from the ticket's timeline (written when the review was recorded), not from a process
   * variable: a lead completing the task may send any variables, including {@code reviewedBy}.
   */
  public void record(String ticketId, String decision, String note, String lead) {
    tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    if (lead == null || lead.isBlank()) {
      throw new InvalidRequestException("decision", "Log in to approve as a lead.");
    }
    var reviewers = ReviewRecord.reviewers(tickets.events(ticketId));
    if (reviewers.isEmpty()) {
      throw new InvalidRequestException("decision", "No agent's review of this request is on record; it cannot be"
          + " approved as a lead.");
    }
    if (reviewers.contains(lead)) {
      throw new InvalidRequestException("decision", "Four eyes: you reviewed this request yourself (as " + lead
          + "); another support lead must approve it.");
    }
    String cleanNote = note == null ? "" : note.strip();
    if (!RecordReview.APPROVE.equals(decision) && !RecordReview.REJECT.equals(decision)) {
      throw new InvalidRequestException("decision", "Choose approve or reject.");
    }
    if (cleanNote.length() > RecordReview.MAX_NOTE) {
      throw new InvalidRequestException("decisionNote", "Keep the note under " + RecordReview.MAX_NOTE
          + " characters.");
    }
    Instant now = clock.instant();
    if (RecordReview.REJECT.equals(decision)) {
      if (cleanNote.isEmpty()) {
        throw new InvalidRequestException("decisionNote", "Tell the customer why: a rejection needs a note.");
      }
      tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.LEAD_REVIEWED, lead, "Rejected by a lead"));
      tickets.reject(ticketId, RejectionReason.REJECTED_BY_AGENT, cleanNote, now);
    } else {
      // The lead's note is internal: the timeline shows who approved, not what they wrote.
      tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.LEAD_REVIEWED, lead, "Approved by a lead"));
    }
  }
}
