package com.snapdesk.ticket.customer;

import com.snapdesk.recovery.RecoveryDownloads;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketAccess;
import com.snapdesk.ticket.TicketProperties;
import com.snapdesk.ticket.TicketStatus;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Use case: the customer follows the download URL from their email or status page. Each time, the token and the
 * data's expiry are checked and a link valid for minutes is made, so the link in any email stops working the moment
 * the ticket is done, the data expired or cleanup removed it.
 */
@Service
public class DownloadRetrievedData {

  private final TicketAccess access;
  private final Optional<RecoveryDownloads> downloads;
  private final TicketProperties properties;
  private final Clock clock;

  public DownloadRetrievedData(TicketAccess access, Optional<RecoveryDownloads> downloads,
                               TicketProperties properties, Clock clock) {
    this.access = access;
    this.downloads = downloads;
    this.properties = properties;
    this.clock = clock;
  }

  /** Where to send the customer now; empty when there is nothing (any more) to download for this token. */
  public Optional<URI> link(String ticketId, String token) {
    return access.authorize(ticketId, token)
        .filter(t -> t.status() == TicketStatus.READY)
        .map(Ticket::delivery)
        .filter(d -> d.isDownload() && d.expiresAt() != null && d.expiresAt().isAfter(clock.instant()))
        .flatMap(d -> downloads.flatMap(backend -> backend.link(d.location(), properties.downloadLinkValidity())));
  }
}
