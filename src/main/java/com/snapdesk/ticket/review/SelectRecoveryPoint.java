package com.snapdesk.ticket.review;

import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointResolver;
import com.snapdesk.recovery.Resolution;
import com.snapdesk.shared.TimeText;
import com.snapdesk.ticket.PointTexts;
import com.snapdesk.ticket.RejectionReason;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TimelineEvents;
import com.snapdesk.ticket.UnknownTicketException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Use case: find the recovery point for a ticket and prepare what the agent reviews. */
@Service
public class SelectRecoveryPoint {

  private final TicketRepository tickets;
  private final RecoveryPointResolver resolver;
  private final Clock clock;

  public SelectRecoveryPoint(TicketRepository tickets, RecoveryPointResolver resolver, Clock clock) {
    this.tickets = tickets;
    this.resolver = resolver;
    this.clock = clock;
  }

  public ReviewSheet resolve(String ticketId) {
    Ticket t = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    Resolution r = resolver.resolve(t.projectId(), t.environment(), t.requestedInstant(), t.policy());
    Instant now = clock.instant();
    boolean found = r.hasChosen() && !r.outOfRetention();
    String note = r.explanation().orElse(null);
    if (found) {
      RecoveryPoint chosen = r.chosen();
      tickets.saveResolution(ticketId, new Ticket.PointRef(chosen.id(), chosen.createdAt()), r.retentionTier(), note,
          now);
      tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.RESOLVED, "system",
          "Recovery point " + chosen.id() + " from " + TimeText.local(chosen.createdAt(), t.zone()) + ", "
              + relation(t, chosen)));
    } else {
      RejectionReason reason = r.outOfRetention() ? RejectionReason.OUT_OF_RETENTION
          : RejectionReason.NO_RECOVERY_POINT;
      tickets.saveResolution(ticketId, null, r.retentionTier(), note, now);
      tickets.reject(ticketId, reason, note, now);
    }
    return sheet(t, r, found, note);
  }

  /**
   * After a business failure of retrieval: resolve again among the points that exist now (the failed
   * one is gone or no longer a candidate) so the agent reviews a fresh proposal. Never rejects: the
   * agent decides.
   */
  public ReviewSheet refresh(String ticketId) {
    Ticket t = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    Resolution r = resolver.resolve(t.projectId(), t.environment(), t.requestedInstant(), t.policy());
    Instant now = clock.instant();
    String note = r.explanation().orElse(null);
    if (r.hasChosen()) {
      RecoveryPoint chosen = r.chosen();
      tickets.saveResolution(ticketId, new Ticket.PointRef(chosen.id(), chosen.createdAt()), r.retentionTier(), note,
          now);
      tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.RESOLVED, "system",
          "Resolved again: recovery point " + chosen.id() + ", " + relation(t, chosen)));
    }
    return sheet(t, r, r.hasChosen(), note);
  }

  private ReviewSheet sheet(Ticket t, Resolution r, boolean found, String note) {
    return new ReviewSheet(t.id(), found, ReviewRecord.customer(t), ReviewRecord.project(t), t.scope().id(),
        t.moment().localText(), t.moment().utcText(),
        t.moment().interpretationNote().orElse(""), describe(t, r.before()), describe(t, r.after()),
        describe(t, found ? r.chosen() : null), found ? r.chosen().id() : "", note == null ? "" : note, t.reason());
  }

  static String describe(Ticket t, Ticket.PointRef p) {
    return p.id() + " — " + TimeText.local(p.createdAt(), t.zone()) + " / " + TimeText.utc(p.createdAt()) + " — "
        + PointTexts.relation(t.requestedInstant(), p.createdAt());
  }

  static String describe(Ticket t, RecoveryPoint p) {
    if (p == null) return "none";
    return p.id() + " — " + TimeText.local(p.createdAt(), t.zone()) + " / " + TimeText.utc(p.createdAt()) + " — "
        + relation(t, p) + (p.storageTier() == RecoveryPoint.StorageTier.ARCHIVE ? " (archived: up to 72 h)" : "");
  }

  static String relation(Ticket t, RecoveryPoint p) {
    return PointTexts.relation(t.requestedInstant(), p.createdAt());
  }
}
