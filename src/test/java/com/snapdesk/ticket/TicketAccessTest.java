package com.snapdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.ResolutionPolicy;
import com.snapdesk.recovery.Scope;
import com.snapdesk.support.MutableClock;
import com.snapdesk.support.SnapdeskTestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tokens open a ticket while it runs and for 30 days after it ended; after that it answers as not found. */
class TicketAccessTest {

  private static final Instant ENDED = Instant.parse("2026-11-26T12:00:00Z");
  private static final String TOKEN = AccessTokens.newToken();

  private final TicketRepository tickets = mock(TicketRepository.class);
  private final MutableClock clock = new MutableClock(ENDED);
  private final TicketAccess access = new TicketAccess(tickets, SnapdeskTestData.TICKET_DEFAULTS, clock);

  @Test
  void anEndedTicketsTokenWorksForThirtyDaysThenLooksLikeNoTicket() {
    // given a ticket that was closed at ENDED, and its token
    given(TicketStatus.CLOSED);

    // then the token opens it until just before 30 days have passed
    clock.set(ENDED.plus(Duration.ofDays(30)).minusSeconds(1));
    assertThat(access.authorize("SD-1", TOKEN)).isPresent();

    // and from then on the ticket is "not found"
    clock.set(ENDED.plus(Duration.ofDays(30)));
    assertThat(access.authorize("SD-1", TOKEN)).isEmpty();
  }

  @Test
  void aRunningTicketsTokenNeverExpires() {
    given(TicketStatus.AWAITING_APPROVAL);
    clock.set(ENDED.plus(Duration.ofDays(400)));
    assertThat(access.authorize("SD-1", TOKEN)).isPresent();
  }

  @Test
  void aWrongOrMissingTokenLooksLikeNoTicket() {
    given(TicketStatus.READY);
    assertThat(access.authorize("SD-1", AccessTokens.newToken())).isEmpty();
    assertThat(access.authorize("SD-1", null)).isEmpty();
    assertThat(access.authorize("SD-1", " ")).isEmpty();
    assertThat(access.authorize(null, TOKEN)).isEmpty();
  }

  private void given(TicketStatus status) {
    var moment = new RequestedMoment(LocalDate.of(2026, 11, 20), LocalTime.of(14, 30), ZoneOffset.UTC,
        ZoneOffset.UTC, Instant.parse("2026-11-20T14:30:00Z"), false, false);
    var ticket = new Ticket("SD-1", SnapdeskTestData.ACME_CONTACT, "Olga Ops", SnapdeskTestData.ACME,
        Environment.STAGING, Scope.FULL, ResolutionPolicy.NEAREST, moment, "Lost orders", status, null, null, null,
        null, null, null, null, ENDED.minus(Duration.ofDays(2)), ENDED);
    when(tickets.hasAccessToken("SD-1", AccessTokens.hash(TOKEN))).thenReturn(true);
    when(tickets.find("SD-1")).thenReturn(Optional.of(ticket));
  }
}
