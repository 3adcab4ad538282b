package com.snapdesk.ticket.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.RecoveryDownloads;
import com.snapdesk.recovery.ResolutionPolicy;
import com.snapdesk.recovery.Scope;
import com.snapdesk.support.MutableClock;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.ticket.AccessTokens;
import com.snapdesk.ticket.RequestedMoment;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketAccess;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TicketStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The app's download URL leads to storage only for the ticket's token, while it is READY and before expiry. */
class DownloadRetrievedDataTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String TOKEN = AccessTokens.newToken();
  private static final String DUMP = "s3://dumps/deliveries/sd-1/rp-1.sql.gz";

  private final TicketRepository tickets = mock(TicketRepository.class);
  private final MutableClock clock = new MutableClock(NOW);
  private final List<Duration> asked = new ArrayList<>();
  private final RecoveryDownloads storage = (location, validity) -> {
    asked.add(validity);
    return DUMP.equals(location) ? Optional.of(URI.create("https://s3.example/rp-1.sql.gz?X-Amz-Expires=300"))
        : Optional.empty();
  };
  private final DownloadRetrievedData downloads = new DownloadRetrievedData(
      new TicketAccess(tickets, SnapdeskTestData.TICKET_DEFAULTS, clock), Optional.of(storage),
      SnapdeskTestData.TICKET_DEFAULTS, clock);

  @Test
  void aReadyDownloadLeadsToAFreshLinkValidForFiveMinutes() {
    given(TicketStatus.READY, DUMP, null, NOW.plus(Duration.ofDays(7)));
    assertThat(downloads.link("SD-1", TOKEN)).contains(URI.create("https://s3.example/rp-1.sql.gz?X-Amz-Expires=300"));
    assertThat(asked).containsExactly(Duration.ofMinutes(5));
  }

  @Test
  void expiredDataLeadsNowhereEvenBeforeCleanupRan() {
    given(TicketStatus.READY, DUMP, null, NOW.minusSeconds(1));
    assertThat(downloads.link("SD-1", TOKEN)).isEmpty();
    assertThat(asked).isEmpty();
  }

  @Test
  void aClosedOrCancelledTicketLeadsNowhere() {
    given(TicketStatus.CLOSED, DUMP, null, NOW.plus(Duration.ofDays(7)));
    assertThat(downloads.link("SD-1", TOKEN)).isEmpty();
  }

  @Test
  void dataOnTheEnvironmentsNodeIsNoDownload() {
    given(TicketStatus.READY, "/mnt/recovery-sd-1", "i-0abc", NOW.plus(Duration.ofDays(7)));
    assertThat(downloads.link("SD-1", TOKEN)).isEmpty();
  }

  @Test
  void aWrongTokenLeadsNowhere() {
    given(TicketStatus.READY, DUMP, null, NOW.plus(Duration.ofDays(7)));
    assertThat(downloads.link("SD-1", AccessTokens.newToken())).isEmpty();
    assertThat(downloads.link("SD-1", null)).isEmpty();
    assertThat(asked).isEmpty();
  }

  private void given(TicketStatus status, String location, String node, Instant expiresAt) {
    var moment = new RequestedMoment(LocalDate.of(2026, 11, 20), LocalTime.of(14, 30), ZoneOffset.UTC,
        ZoneOffset.UTC, Instant.parse("2026-11-20T14:30:00Z"), false, false);
    var delivery = new Ticket.Delivery("sd-1", location, node, null, NOW.minus(Duration.ofHours(1)), expiresAt);
    var ticket = new Ticket("SD-1", SnapdeskTestData.ACME_CONTACT, "Olga Ops", SnapdeskTestData.ACME,
        Environment.STAGING, Scope.DATABASE, ResolutionPolicy.NEAREST, moment, "Lost orders", status, null, null, null,
        null, null, null, delivery, NOW.minus(Duration.ofDays(1)), NOW);
    when(tickets.hasAccessToken("SD-1", AccessTokens.hash(TOKEN))).thenReturn(true);
    when(tickets.find("SD-1")).thenReturn(Optional.of(ticket));
  }
}
