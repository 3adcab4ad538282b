package com.snapdesk.ticket.delivery;

import com.snapdesk.project.Project;
import com.snapdesk.project.ProjectDirectory;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.recovery.RecoveryPointUnavailableException;
import com.snapdesk.recovery.RecoveryRetrieval;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalProgress;
import com.snapdesk.sla.SlaTracker;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketProperties;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.TimelineEvents;
import com.snapdesk.ticket.UnknownTicketException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Use case: make the chosen recovery point's data available to the customer. Never restores. */
@Service
public class RetrieveRecoveryPoint {

  private final TicketRepository tickets;
  private final ProjectDirectory projects;
  private final RecoveryPointCatalog catalog;
  private final RecoveryRetrieval retrieval;
  private final TicketProperties properties;
  private final SlaTracker sla;
  private final Clock clock;

  public RetrieveRecoveryPoint(TicketRepository tickets, ProjectDirectory projects, RecoveryPointCatalog catalog,
                                RecoveryRetrieval retrieval, TicketProperties properties, SlaTracker sla,
                                Clock clock) {
    this.tickets = tickets;
    this.projects = projects;
    this.catalog = catalog;
    this.retrieval = retrieval;
    this.properties = properties;
    this.sla = sla;
    this.clock = clock;
  }

  /** The recovery id names the folder and the mount point; one per ticket, stable across retries. */
  public static String recoveryId(String ticketId) {
    return ticketId.toLowerCase(Locale.ROOT);
  }

  /**
   * @throws RecoveryPointUnavailableException when the point vanished or cannot be used (a business
   *     failure: the agent must choose again)
   * While the data is not ready (volumes being created, an archive restore) the ticket shows why, and an
   * archive restore pauses the SLA clocks: the wait is the cloud's, not support's.
   */
  public RetrievalProgress retrieve(String ticketId) {
    Ticket t = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    try {
      Project project = projects.find(t.projectId()).orElseThrow(() ->
          new RecoveryPointUnavailableException("Project " + t.projectId() + " is no longer known."));
      RecoveryPoint point = catalog.find(t.projectId(), t.environment(), t.chosenPoint().id())
          .orElseThrow(() -> new RecoveryPointUnavailableException(
              "Recovery point " + t.chosenPoint().id() + " no longer exists."));
      if (!point.isCandidate()) {
        throw new RecoveryPointUnavailableException("Recovery point " + point.id() + " is "
            + point.state().name().toLowerCase(Locale.ROOT) + " and cannot be retrieved.");
      }
      RetrievalProgress progress = retrieval.retrieve(new RecoveryRetrieval.RetrievalRequest(ticketId,
          recoveryId(ticketId), project, t.environment(), point, t.scope(), t.customerEmail()));
      Instant now = clock.instant();
      if (!progress.ready()) {
        if (!progress.waitingReason().equals(t.statusDetail())) {
          tickets.updateStatus(ticketId, TicketStatus.RETRIEVING, progress.waitingReason(), now);
          tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.RETRIEVING, "system",
              progress.waitingReason()));
        }
        if (progress.archiveRestore()) sla.pause(ticketId, "ARCHIVE_RESTORE");
        return progress;
      }
      sla.resume(ticketId);
      Instant retrievedAt = progress.retrievedAt() != null ? progress.retrievedAt() : now;
      tickets.saveDelivery(ticketId, new Ticket.Delivery(recoveryId(ticketId), progress.location(), progress.node(),
          progress.device(), retrievedAt, retrievedAt.plus(properties.retrievedDataExpiry())), now);
      tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.RETRIEVED, "system",
          "Recovery point " + point.id() + " retrieved to " + progress.location()));
      return progress;
    } catch (RecoveryPointUnavailableException e) {
      tickets.addEvent(ticketId, new TicketEvent(clock.instant(), TimelineEvents.RETRIEVAL_FAILED, "system",
          e.getMessage()));
      throw e;
    }
  }
}
