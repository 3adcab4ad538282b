package com.snapdesk.ticket.customer;

import com.snapdesk.estimate.EstimateRetrieval;
import com.snapdesk.estimate.RetrievalKind;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.shared.TimeText;
import com.snapdesk.ticket.PointTexts;
import com.snapdesk.ticket.RequestedMoment;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketAccess;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketMessage;
import com.snapdesk.ticket.TicketProperties;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.TimelineEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Use case: show a ticket to whoever holds its token; a wrong token looks exactly like no ticket. */
@Service
public class ShowTicket {

  private static final EnumSet<TicketStatus> DELIVERED = EnumSet.of(TicketStatus.READY, TicketStatus.CLOSED);
  /** Until the data is ready, the customer wonders how long it will take. */
  private static final EnumSet<TicketStatus> NOT_READY_YET = EnumSet.of(TicketStatus.AWAITING_VERIFICATION,
      TicketStatus.RECEIVED, TicketStatus.AWAITING_APPROVAL, TicketStatus.AWAITING_CUSTOMER, TicketStatus.RETRIEVING);

  private final TicketRepository tickets;
  private final TicketAccess access;
  private final TicketProperties properties;
  private final RecoveryPointCatalog catalog;
  private final EstimateRetrieval estimates;

  public ShowTicket(TicketRepository tickets, TicketAccess access, TicketProperties properties,
                    RecoveryPointCatalog catalog, EstimateRetrieval estimates) {
    this.tickets = tickets;
    this.access = access;
    this.properties = properties;
    this.catalog = catalog;
    this.estimates = estimates;
  }

  public Optional<TicketView> find(String ticketId, String token) {
    return access.authorize(ticketId, token).map(t -> view(t, token));
  }

  private TicketView view(Ticket t, String token) {
    RequestedMoment m = t.moment();
    var requested = new TicketView.Requested(m.date().toString(), m.time().toString(), m.zone().getId(),
        TimeText.offset(m.offset()), m.instant(), m.localText(), m.utcText(), m.interpretationNote().orElse(null));
    var delivery = t.delivery() != null && DELIVERED.contains(t.status())
        ? new TicketView.DeliveryView(t.delivery().recoveryId(),
            t.delivery().isDownload() ? properties.downloadUrl(t.id(), token) : t.delivery().location(),
            t.delivery().node(),
            t.delivery().device(), t.delivery().expiresAt(), local(t.delivery().expiresAt(), t.zone()),
            TimeText.utc(t.delivery().expiresAt()))
        : null;
    List<TicketEvent> events = tickets.events(t.id());
    var timeline = events.stream()
        .map(e -> new TicketView.TimelineEntry(e.at(), e.type(), publicActor(e), e.detail()))
        .toList();
    List<TicketMessage> messages = tickets.messages(t.id());
    var conversation = messages.stream()
        .map(msg -> new TicketView.MessageView(msg.at(),
            msg.authorType() == TicketMessage.Author.AGENT ? "support" : "customer",
            TimeText.local(msg.at(), t.zone()), TimeText.utc(msg.at()), msg.text()))
        .toList();
    return new TicketView(t.id(), t.status(), t.statusDetail(), t.projectId(), t.environment().id(), t.scope().id(),
        t.policy().id(), requested, point(t.resolvedPoint(), t), point(t.chosenPoint(), t), t.retentionTier(),
        t.resolutionNote(), delivery, timeline, conversation, openQuestion(t, messages),
        TakeCustomerAction.allowedActions(t.status(), events), t.createdAt(), t.updatedAt(), estimate(t));
  }

  /** For the point that will be retrieved: the chosen one, else the one the request resolved to. */
  private String estimate(Ticket t) {
    if (!NOT_READY_YET.contains(t.status())) return null;
    Ticket.PointRef point = t.chosenPoint() != null ? t.chosenPoint() : t.resolvedPoint();
    boolean archived = point != null && catalog.find(t.projectId(), t.environment(), point.id())
        .map(p -> p.storageTier() == RecoveryPoint.StorageTier.ARCHIVE).orElse(false);
    return estimates.estimate(new RetrievalKind(t.environment(), t.scope(), archived)).sentence();
  }

  /** The customer sees roles, never staff login ids. */
  static String publicActor(TicketEvent e) {
    if (e.actor() == null || "customer".equals(e.actor()) || "system".equals(e.actor())) return e.actor();
    return TimelineEvents.LEAD_REVIEWED.equals(e.type()) ? "Support lead" : "Support agent";
  }

  /** While the ticket waits on the customer: the agent's latest message is the question to answer. */
  private TicketView.Question openQuestion(Ticket t, List<TicketMessage> messages) {
    if (t.status() != TicketStatus.AWAITING_CUSTOMER) return null;
    TicketMessage asked = null;
    for (TicketMessage m : messages) {
      if (m.authorType() == TicketMessage.Author.AGENT) asked = m;
    }
    if (asked == null) return null;
    Instant replyBy = asked.at().plus(properties.replyTimeout());
    return new TicketView.Question(asked.text(), asked.at(), TimeText.local(asked.at(), t.zone()), replyBy,
        TimeText.local(replyBy, t.zone()), TimeText.utc(replyBy));
  }

  static TicketView.PointView point(Ticket.PointRef ref, Ticket t) {
    if (ref == null) return null;
    Duration d = Duration.between(t.requestedInstant(), ref.createdAt());
    return new TicketView.PointView(ref.id(), ref.createdAt(), TimeText.local(ref.createdAt(), t.zone()),
        TimeText.utc(ref.createdAt()), TimeText.distance(d), PointTexts.relation(t.requestedInstant(), ref.createdAt()));
  }

  private static String local(Instant instant, ZoneId zone) {
    return instant == null ? null : TimeText.local(instant, zone);
  }
}
