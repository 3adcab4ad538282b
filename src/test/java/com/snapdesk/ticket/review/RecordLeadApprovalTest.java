package com.snapdesk.ticket.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TimelineEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Four eyes is checked against the ticket's recorded reviews, the only thing a lead cannot send. */
class RecordLeadApprovalTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String TICKET = "T-1";

  private final TicketRepository tickets = mock(TicketRepository.class);
  private final RecordLeadApproval leads = new RecordLeadApproval(tickets, Clock.fixed(NOW, ZoneOffset.UTC));

  private void reviewedBy(String... agents) {
    when(tickets.find(TICKET)).thenReturn(Optional.of(mock(Ticket.class)));
    var events = new java.util.ArrayList<TicketEvent>();
    events.add(new TicketEvent(NOW.minusSeconds(600), TimelineEvents.SUBMITTED, "customer", "Submitted"));
    for (String agent : agents) {
      events.add(new TicketEvent(NOW.minusSeconds(60), TimelineEvents.REVIEWED, agent, "Approved"));
    }
    when(tickets.events(TICKET)).thenReturn(events);
  }

  @Test
  void refusesTheLeadWhoReviewedTheRequest() {
    // given lena's review is on record
    reviewedBy("lena");

    // when lena approves as lead (whatever reviewedBy her completion carried: it is not an argument any more)
    // then four eyes refuses, and nothing is recorded
    assertThatThrownBy(() -> leads.record(TICKET, "approve", "", "lena"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Four eyes");
    verify(tickets, never()).addEvent(any(), any());
  }

  @Test
  void refusesALeadWhoApprovedAnEarlierReviewRound() {
    // given lena approved, retrieval failed, and alice approved the second review
    reviewedBy("lena", "alice");

    // when lena approves as lead, then four eyes refuses
    assertThatThrownBy(() -> leads.record(TICKET, "approve", "", "lena")).hasMessageContaining("Four eyes");
  }

  @Test
  void refusesWhenNoReviewIsOnRecord() {
    // given a ticket whose timeline has no review
    reviewedBy();

    // when a lead approves, then there is nothing to put four eyes on
    assertThatThrownBy(() -> leads.record(TICKET, "approve", "", "leo")).hasMessageContaining("No agent's review");
  }

  @Test
  void recordsAnotherLeadsApproval() {
    // given lena's review is on record
    reviewedBy("lena");

    // when leo approves
    leads.record(TICKET, "approve", "fine", "leo");

    // then the timeline shows leo's approval
    verify(tickets).addEvent(eq(TICKET), argThat(e -> e.type().equals(TimelineEvents.LEAD_REVIEWED)
        && e.actor().equals("leo")));
  }

  @Test
  void listsReviewersOncePerAgentWithTheLatestLast() {
    // given alice approved, then bob, then alice again
    var events = List.of(new TicketEvent(NOW, TimelineEvents.REVIEWED, "alice", "Approved"),
        new TicketEvent(NOW, TimelineEvents.ASKED, "carol", "Asked the customer a question"),
        new TicketEvent(NOW, TimelineEvents.REVIEWED, "bob", "Approved"),
        new TicketEvent(NOW, TimelineEvents.REVIEWED, "alice", "Approved"));

    // when reading who reviewed, then asking is not reviewing and alice is the latest reviewer
    assertThat(ReviewRecord.reviewers(events)).containsExactly("bob", "alice");
  }
}
