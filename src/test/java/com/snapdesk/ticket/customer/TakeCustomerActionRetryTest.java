package com.snapdesk.ticket.customer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.ResolutionPolicy;
import com.snapdesk.recovery.Scope;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.ticket.RequestedMoment;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketAccess;
import com.snapdesk.ticket.TicketProcess;
import com.snapdesk.ticket.TicketProcessBusyException;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** A customer's action that meets the process moving on at the same moment is tried again, each time afresh. */
class TakeCustomerActionRetryTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final TicketRepository tickets = mock(TicketRepository.class);
  private final TicketProcess process = mock(TicketProcess.class);
  private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final TakeCustomerAction actions = new TakeCustomerAction(tickets,
      new TicketAccess(tickets, SnapdeskTestData.TICKET_DEFAULTS, clock), process, transactions, clock);

  @BeforeEach
  void aTicketWaitingForReview() {
    var moment = new RequestedMoment(LocalDate.of(2026, 11, 20), LocalTime.of(14, 30), ZoneOffset.UTC,
        ZoneOffset.UTC, Instant.parse("2026-11-20T14:30:00Z"), false, false);
    var ticket = new Ticket("SD-1", SnapdeskTestData.ACME_CONTACT, "Olga Ops", SnapdeskTestData.ACME, Environment.STAGING, Scope.FULL,
        ResolutionPolicy.NEAREST, moment, "Lost orders", TicketStatus.AWAITING_APPROVAL, null, null, null, null,
        null, null, null, NOW, NOW);
    when(tickets.hasAccessToken(anyString(), anyString())).thenReturn(true);
    when(tickets.find("SD-1")).thenReturn(Optional.of(ticket));
    when(tickets.events("SD-1")).thenReturn(List.of());
    when(transactions.getTransaction(any())).thenAnswer(i -> new SimpleTransactionStatus());
  }

  @Test
  void cancellingIsTriedAgainWhenTheProcessMovedOnAtThatMoment() {
    // given the process is busy the first time
    doThrow(new TicketProcessBusyException("SD-1", null)).doNothing().when(process).customerCancelled("SD-1");

    // when the customer cancels
    actions.cancel("SD-1", "token");

    // then the first attempt was rolled back and the second went through
    verify(process, times(2)).customerCancelled("SD-1");
    verify(transactions, times(1)).rollback(any());
    verify(transactions, times(1)).commit(any());
  }

  @Test
  void givesUpAfterThreeAttemptsSoTheCustomerCanTryLater() {
    // given the process stays busy
    doThrow(new TicketProcessBusyException("SD-1", null)).when(process).customerCancelled("SD-1");

    // then the customer is told, after three attempts that all rolled back
    assertThatThrownBy(() -> actions.cancel("SD-1", "token")).isInstanceOf(TicketProcessBusyException.class);
    verify(process, times(TakeCustomerAction.ATTEMPTS)).customerCancelled("SD-1");
    verify(transactions, times(TakeCustomerAction.ATTEMPTS)).rollback(any());
  }
}
