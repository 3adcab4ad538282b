package com.snapdesk.ticket.review;

import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.recovery.RecoveryPointResolver;
import com.snapdesk.recovery.Resolution;
import com.snapdesk.shared.TimeText;
import com.snapdesk.ticket.PointTexts;
import com.snapdesk.ticket.RejectionReason;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.TimelineEvents;
import com.snapdesk.ticket.UnknownTicketException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** Use case: find the recovery point for a ticket and prepare what the agent reviews. */
@Service
public class SelectRecoveryPoint {

  /** How many usable points either side of the requested moment the review form offers. */
  static final int CHOICES_EACH_SIDE = 3;

  private final TicketRepository tickets;
  private final RecoveryPointResolver resolver;
  private final RecoveryPointCatalog catalog;
  private final Clock clock;

  public SelectRecoveryPoint(TicketRepository tickets, RecoveryPointResolver resolver, RecoveryPointCatalog catalog,
                             Clock clock) {
    this.tickets = tickets;
    this.resolver = resolver;
    this.catalog = catalog;
    this.clock = clock;
  }

  /**
   * The usable points around the requested moment, oldest first: up to {@link #CHOICES_EACH_SIDE} at or before it
   * and as many after it, plus the ticket's chosen point wherever it lies, so the form's default is always offered.
   */
  public List<PointChoice> choices(String ticketId) {
    Ticket t = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    List<RecoveryPoint> usable = catalog.points(t.projectId(), t.environment()).stream()
        .filter(RecoveryPoint::isCandidate).toList();
    int firstAfter = 0;
    while (firstAfter < usable.size() && !usable.get(firstAfter).createdAt().isAfter(t.requestedInstant())) {
      firstAfter++;
    }
    List<RecoveryPoint> offered = new ArrayList<>(usable.subList(Math.max(0, firstAfter - CHOICES_EACH_SIDE),
        Math.min(usable.size(), firstAfter + CHOICES_EACH_SIDE)));
    Ticket.PointRef chosen = t.chosenPoint();
    if (chosen != null && offered.stream().noneMatch(p -> p.id().equals(chosen.id()))) {
      usable.stream().filter(p -> p.id().equals(chosen.id())).findFirst().ifPresent(p -> {
        offered.add(p);
        offered.sort(Comparator.comparing(RecoveryPoint::createdAt));
      });
    }
    String resolvedId = t.resolvedPoint() == null ? null : t.resolvedPoint().id();
    return offered.stream().map(p -> new PointChoice(choiceLabel(t, p, p.id().equals(resolvedId)), p.id())).toList();
  }

  static String choiceLabel(Ticket t, RecoveryPoint p, boolean resolved) {
    return p.id() + " — " + TimeText.local(p.createdAt(), t.zone()) + " / " + TimeText.utc(p.createdAt()) + " — "
        + relation(t, p) + " — " + (p.storageTier() == RecoveryPoint.StorageTier.ARCHIVE
            ? "archive storage (up to 72 h)" : "standard storage") + (resolved ? " — resolved" : "");
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
    return new ReviewSheet(t.id(), found, t.status() != TicketStatus.AWAITING_VERIFICATION, ReviewRecord.customer(t), ReviewRecord.project(t), t.scope().id(),
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
