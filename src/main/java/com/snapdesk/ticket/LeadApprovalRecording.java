package com.snapdesk.ticket;

import com.snapdesk.notify.MailView.RejectionReason;
import com.snapdesk.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Use case: a support lead's second approval. Four eyes: never the agent who reviewed the request. */
@Service
public class LeadApprovalRecording {

  private final TicketRepository tickets;
  private final Clock clock;

  public LeadApprovalRecording(TicketRepository tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  public void record(String ticketId, String decision, String note, String lead, String reviewer) {
    tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    if (lead == null || lead.isBlank()) {
      throw new InvalidRequestException("decision", "Log in to approve as a lead.");
    }
    if (lead.equals(reviewer)) {
      throw new InvalidRequestException("decision", "Four eyes: you reviewed this request yourself (as " + reviewer
          + "); another support lead must approve it.");
    }
    String cleanNote = note == null ? "" : note.strip();
    if (!ReviewRecording.APPROVE.equals(decision) && !ReviewRecording.REJECT.equals(decision)) {
      throw new InvalidRequestException("decision", "Choose approve or reject.");
    }
    if (cleanNote.length() > ReviewRecording.MAX_NOTE) {
      throw new InvalidRequestException("decisionNote", "Keep the note under " + ReviewRecording.MAX_NOTE
          + " characters.");
    }
    Instant now = clock.instant();
    if (ReviewRecording.REJECT.equals(decision)) {
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
