package com.snapdesk.ticket;

import com.snapdesk.estimate.EstimateRetrieval;
import com.snapdesk.estimate.RetrievalKind;
import com.snapdesk.notify.CustomerMailer;
import com.snapdesk.notify.MailKind;
import com.snapdesk.notify.MailView;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.shared.TimeText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Use case: tell the customer about their ticket, in the words of the given kind of email. */
@Service
public class SendCustomerMail {

  private final TicketRepository tickets;
  private final RecoveryPointCatalog catalog;
  private final RetentionPolicy retention;
  private final CustomerMailer mailer;
  private final TicketProperties properties;
  private final TransactionTemplate ownTransaction;
  private final EstimateRetrieval estimates;
  private final Clock clock;

  public SendCustomerMail(TicketRepository tickets, RecoveryPointCatalog catalog, RetentionPolicy retention,
                             CustomerMailer mailer, TicketProperties properties,
                             PlatformTransactionManager transactions, EstimateRetrieval estimates, Clock clock) {
    this.tickets = tickets;
    this.catalog = catalog;
    this.retention = retention;
    this.mailer = mailer;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.estimates = estimates;
    this.clock = clock;
  }

  /**
   * Sends to the requester only (never to an address from anywhere else). Each email carries its own
   * status-link token, committed before sending: a link that went out must keep working even if the
   * surrounding job rolls back and is retried.
   */
  public void send(String ticketId, MailKind kind, String dedupKey) {
    if (!kind.toCustomer()) throw new IllegalArgumentException(kind + " is not a customer email");
    Ticket t = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    if (t.rejectionReason() == RejectionReason.NOT_A_CONTACT) {
      // The model never routes a stranger here; if it ever did, the typed address gets nothing from us.
      throw new IllegalStateException(ticketId + ": the requester is not a registered contact; no email");
    }
    String token = AccessTokens.newToken();
    ownTransaction.executeWithoutResult(s ->
        tickets.addAccessToken(ticketId, AccessTokens.hash(token), "email:" + kind.templateName(), clock.instant()));
    MailView.Builder view = view(t, token);
    addConversation(t, view);
    if (kind == MailKind.CLOSED) {
      boolean confirmed = tickets.events(ticketId).stream().anyMatch(e -> TimelineEvents.CONFIRMED.equals(e.type()));
      view.closedBecause(confirmed ? MailView.ClosureReason.CONFIRMED : MailView.ClosureReason.EXPIRED);
    }
    if (kind == MailKind.VERIFICATION_REQUEST) {
      boolean archived = t.chosenPoint() != null && archived(t, t.chosenPoint());
      view.retrievalEstimate(estimates.estimate(new RetrievalKind(t.environment(), t.scope(), archived)).sentence());
    }
    mailer.send(dedupKey, kind, t.customerEmail(), view.build());
    String event = kind == MailKind.REPLY_REMINDER || kind == MailKind.EXPIRY_REMINDER
        ? TimelineEvents.REMINDED : TimelineEvents.EMAIL_SENT;
    tickets.addEvent(ticketId, new TicketEvent(clock.instant(), event, "system", kind.subject()));
  }

  /**
   * Tells the support leads that an SLA is at risk. Internal: no status link (the customer's secret), no
   * customer timeline line; one email per lead even when the step is retried.
   */
  public void escalateToLeads(String ticketId, List<SupportStaff.Lead> leads, MailView.Escalation escalation,
                              String dedupKey) {
    Ticket t = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    MailView view = view(t, null).escalation(escalation).build();
    for (SupportStaff.Lead lead : leads) {
      mailer.send(dedupKey + ":" + lead.userId(), MailKind.ESCALATION, lead.email(), view);
    }
  }

  /** The agent's latest question, the thread before it and the reply deadline, for the question mails. */
  private void addConversation(Ticket t, MailView.Builder view) {
    List<TicketMessage> messages = tickets.messages(t.id());
    int last = -1;
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).authorType() == TicketMessage.Author.AGENT) last = i;
    }
    if (last < 0) return;
    TicketMessage question = messages.get(last);
    Instant deadline = question.at().plus(properties.replyTimeout());
    view.question(question.text())
        .replyDeadlineLocal(TimeText.local(deadline, t.zone()))
        .replyDeadlineUtc(TimeText.utc(deadline))
        .conversation(messages.subList(0, last).stream()
            .map(m -> new MailView.ConversationEntry(TimeText.local(m.at(), t.zone()),
                m.authorType() == TicketMessage.Author.AGENT ? "Snapdesk support" : "You", m.text()))
            .toList());
  }

  /** @param token this email's own token, or null for an internal email (no status link, no download link) */
  private MailView.Builder view(Ticket t, String token) {
    String statusUrl = token == null ? "" : properties.statusUrl(t.id(), token);
    MailView.Builder b = MailView.builder()
        .ticketId(t.id())
        .customerName(t.customerName())
        .customerEmail(t.customerEmail())
        .projectId(t.projectId())
        .environment(t.environment().id())
        .scope(t.scope().id())
        .requestedLocal(t.moment().localText())
        .requestedUtc(t.moment().utcText())
        .interpretationNote(t.moment().interpretationNote().orElse(null))
        .statusUrl(statusUrl)
        .reason(t.reason())
        .retentionTier(t.retentionTier())
        .resolutionExplanation(t.resolutionNote())
        .rejectionReason(t.rejectionReason() == null ? null : t.rejectionReason().name())
        .agentNote(t.rejectionReason() == RejectionReason.REJECTED_BY_AGENT ? t.statusDetail() : null)
        .retentionTable(retention.rows().stream().map(r -> new MailView.RetentionRow(r.age(), r.kept())).toList());
    if (t.chosenPoint() != null) b.chosenPoint(point(t, t.chosenPoint()));
    if (t.delivery() != null) {
      Ticket.Delivery d = t.delivery();
      // A download is handed out as the app's own URL, never as the storage link itself.
      String location = d.isDownload() ? (token == null ? "" : properties.downloadUrl(t.id(), token)) : d.location();
      b.delivery(new MailView.Delivery(d.recoveryId(), location, d.node(), d.device(),
          TimeText.local(d.expiresAt(), t.zone()), TimeText.utc(d.expiresAt()), d.isDownload(),
          d.isDownload() ? fileName(d.location()) : null));
    }
    return b;
  }

  /**
   * The delivered dump's file name, from the storage location the app keeps (s3://bucket/…/file.sql.gz): the
   * customer sees only the app's download URL, which does not carry it. Null when the location has no file part.
   */
  static String fileName(String location) {
    if (location == null) return null;
    String name = location.substring(location.lastIndexOf('/') + 1).strip();
    return name.isEmpty() ? null : name;
  }

  private MailView.PointView point(Ticket t, Ticket.PointRef ref) {
    return new MailView.PointView(ref.id(), TimeText.local(ref.createdAt(), t.zone()), TimeText.utc(ref.createdAt()),
        PointTexts.relation(t.requestedInstant(), ref.createdAt()), archived(t, ref));
  }

  private boolean archived(Ticket t, Ticket.PointRef ref) {
    return catalog.find(t.projectId(), t.environment(), ref.id())
        .map(p -> p.storageTier() == RecoveryPoint.StorageTier.ARCHIVE).orElse(false);
  }
}
