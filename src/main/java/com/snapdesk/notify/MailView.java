package com.snapdesk.notify;

import java.util.List;
import java.util.Objects;

/**
 * Everything an email may show, already formatted as text by the caller (times in the
 * customer's zone and in UTC, distances, tiers). Templates escape all of it in HTML.
 *
 * @param requestedLocal     e.g. "2026-11-20 14:30 EST (America/New_York)"
 * @param requestedUtc       e.g. "2026-11-20 19:30 UTC"
 * @param interpretationNote how an ambiguous local time was read (DST overlap); shown in every
 *                           email when present
 * @param reason             the customer's own text
 * @param before             nearest point at or before the requested time, when there is one
 * @param retentionTier      the part of the retention schedule the request fell in, e.g.
 *                           "days 4–7: one backup per day"
 * @param question           what the agent asks the customer (CUSTOMER_QUESTION, REPLY_REMINDER)
 * @param conversation       earlier messages of the ticket, oldest first, shown as the thread so
 *                           far; the current {@code question} is not repeated in it; empty when none
 * @param replyDeadlineLocal until when we wait for the customer's answer, in their zone, e.g.
 *                           "2026-11-29 09:00 EST (America/New_York)"
 * @param replyDeadlineUtc   the same moment, e.g. "2026-11-29 14:00 UTC"
 * @param closedBecause      why the retrieved data was removed when the ticket closed (CLOSED)
 * @param escalation         the SLA at risk; only for the ESCALATION mail to support leads
 * @param drillFailure       a restore drill that failed; only for the DRILL_FAILED mail to support leads
 * @param retrievalEstimate  how long similar retrievals took, as a sentence (VERIFICATION_REQUEST), e.g.
 *                           "Once approved, similar retrievals were ready in about 40 minutes; 9 in 10 within 2 hours."
 */
public record MailView(
    String ticketId,
    String customerName,
    String customerEmail,
    String projectId,
    String environment,
    String scope,
    String requestedLocal,
    String requestedUtc,
    String interpretationNote,
    String statusUrl,
    String reason,
    PointView chosenPoint,
    PointView before,
    PointView after,
    String retentionTier,
    String resolutionExplanation,
    String rejectionReason,
    String agentNote,
    List<RetentionRow> retentionTable,
    Delivery delivery,
    String question,
    List<ConversationEntry> conversation,
    String replyDeadlineLocal,
    String replyDeadlineUtc,
    ClosureReason closedBecause,
    Escalation escalation,
    DrillFailure drillFailure,
    String retrievalEstimate) {

  public MailView {
    Objects.requireNonNull(ticketId, "ticketId");
    if (ticketId.isBlank() || ticketId.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("ticketId must be a single line of text");
    }
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(customerEmail, "customerEmail");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(requestedLocal, "requestedLocal");
    Objects.requireNonNull(requestedUtc, "requestedUtc");
    Objects.requireNonNull(statusUrl, "statusUrl");
    retentionTable = retentionTable == null ? List.of() : List.copyOf(retentionTable);
    conversation = conversation == null ? List.of() : List.copyOf(conversation);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this view: build one view per ticket, then add per-email parts. */
  public Builder toBuilder() {
    return new Builder()
        .ticketId(ticketId).customerName(customerName).customerEmail(customerEmail)
        .projectId(projectId).environment(environment).scope(scope)
        .requestedLocal(requestedLocal).requestedUtc(requestedUtc)
        .interpretationNote(interpretationNote).statusUrl(statusUrl).reason(reason)
        .chosenPoint(chosenPoint).before(before).after(after)
        .retentionTier(retentionTier).resolutionExplanation(resolutionExplanation)
        .rejectionReason(rejectionReason).agentNote(agentNote)
        .retentionTable(retentionTable).delivery(delivery)
        .question(question).conversation(conversation)
        .replyDeadlineLocal(replyDeadlineLocal).replyDeadlineUtc(replyDeadlineUtc)
        .closedBecause(closedBecause).escalation(escalation).drillFailure(drillFailure)
        .retrievalEstimate(retrievalEstimate);
  }

  /**
   * A recovery point as the customer sees it.
   *
   * @param local    its time in the customer's zone, e.g. "2026-11-20 14:00 EST (America/New_York)"
   * @param utc      e.g. "2026-11-20 19:00 UTC"
   * @param distance a clause that reads on its own, e.g. "30 minutes before the requested time"
   * @param archived in the archive tier: retrieval can take up to 72 hours
   */
  public record PointView(String id, String local, String utc, String distance, boolean archived) {
    public PointView {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(local, "local");
      Objects.requireNonNull(utc, "utc");
      Objects.requireNonNull(distance, "distance");
    }
  }

  /**
   * Where retrieved data can be found and until when.
   *
   * @param location a path on the node (e.g. /mnt/recovery-…) or a download link
   * @param node     the environment's first node, when its name is known; null for a download link
   * @param device   the block device, when known
   * @param download whether the data is a file to download rather than a folder on the node
   * @param dumpFile the database dump to import: for a download its file name, on the node its path; null when
   *                 unknown (the mail then tells how to find the newest one)
   */
  public record Delivery(String recoveryId, String location, String node, String device,
                         String expiresLocal, String expiresUtc, boolean download, String dumpFile) {
    public Delivery {
      Objects.requireNonNull(recoveryId, "recoveryId");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(expiresLocal, "expiresLocal");
      Objects.requireNonNull(expiresUtc, "expiresUtc");
    }

    /** Data without a node is a download (as Ticket.Delivery decides), its dump file unknown. */
    public Delivery(String recoveryId, String location, String node, String device,
                    String expiresLocal, String expiresUtc) {
      this(recoveryId, location, node, device, expiresLocal, expiresUtc, node == null || node.isBlank(), null);
    }
  }

  /** One line of the retention schedule, e.g. ("days 1–3", "one per hour"). */
  public record RetentionRow(String age, String kept) {}

  /**
   * One message of the thread between support and the customer.
   *
   * @param at     when it was written, e.g. "2026-11-26 10:02 EST (America/New_York)"
   * @param author who wrote it, e.g. the customer's name or "Snapdesk support"
   * @param text   the message as written; may be several lines
   */
  public record ConversationEntry(String at, String author, String text) {
    public ConversationEntry {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * An SLA about to be breached, for the support leads. All text, formatted by the caller.
   *
   * @param sla         which target is at risk: "first response" or "delivery"
   * @param usedPercent how much of the target time is used, e.g. "80%"
   * @param dueLocal    when the target is due, e.g. "2026-11-26 15:00 EST (America/New_York)"
   * @param dueUtc      e.g. "2026-11-26 20:00 UTC"
   * @param status      the ticket's status, e.g. "AWAITING_APPROVAL"
   * @param tasklistUrl the open task in Camunda Tasklist
   */
  public record Escalation(String sla, String usedPercent, String dueLocal, String dueUtc, String status,
                           String tasklistUrl) {
    public Escalation {
      Objects.requireNonNull(sla, "sla");
      Objects.requireNonNull(usedPercent, "usedPercent");
      Objects.requireNonNull(dueLocal, "dueLocal");
      Objects.requireNonNull(dueUtc, "dueUtc");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(tasklistUrl, "tasklistUrl");
    }
  }

  /**
   * A restore drill that failed, for the support leads. All text, formatted by the caller.
   *
   * @param outcome     "failed" or "timed out"
   * @param point       the recovery point it tested and when that was taken, or "none chosen"
   * @param startedUtc  when the drill started, e.g. "2026-11-26 03:00 UTC"
   * @param reason      what went wrong, as the drill recorded it
   * @param cockpitUrl  the drill's process instance in Camunda Cockpit, where its incident waits
   */
  public record DrillFailure(String outcome, String point, String startedUtc, String reason, String cockpitUrl) {
    public DrillFailure {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(point, "point");
      Objects.requireNonNull(startedUtc, "startedUtc");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(cockpitUrl, "cockpitUrl");
    }
  }

  /** Why the retrieved data was removed when the ticket closed; each has its own text. */
  public enum ClosureReason {
    /** The customer confirmed on the status page that they are done with it. */
    CONFIRMED,
    /** Its time ran out. */
    EXPIRED
  }


  public static final class Builder {
    private String ticketId;
    private String customerName;
    private String customerEmail;
    private String projectId;
    private String environment;
    private String scope;
    private String requestedLocal;
    private String requestedUtc;
    private String interpretationNote;
    private String statusUrl;
    private String reason;
    private PointView chosenPoint;
    private PointView before;
    private PointView after;
    private String retentionTier;
    private String resolutionExplanation;
    private String rejectionReason;
    private String agentNote;
    private List<RetentionRow> retentionTable = List.of();
    private Delivery delivery;
    private String question;
    private List<ConversationEntry> conversation = List.of();
    private String replyDeadlineLocal;
    private String replyDeadlineUtc;
    private ClosureReason closedBecause;
    private Escalation escalation;
    private DrillFailure drillFailure;
    private String retrievalEstimate;

    private Builder() {}

    public Builder ticketId(String ticketId) { this.ticketId = ticketId; return this; }
    public Builder customerName(String customerName) { this.customerName = customerName; return this; }
    public Builder customerEmail(String customerEmail) { this.customerEmail = customerEmail; return this; }
    public Builder projectId(String projectId) { this.projectId = projectId; return this; }
    public Builder environment(String environment) { this.environment = environment; return this; }
    public Builder scope(String scope) { this.scope = scope; return this; }
    public Builder requestedLocal(String requestedLocal) { this.requestedLocal = requestedLocal; return this; }
    public Builder requestedUtc(String requestedUtc) { this.requestedUtc = requestedUtc; return this; }
    public Builder interpretationNote(String note) { this.interpretationNote = note; return this; }
    public Builder statusUrl(String statusUrl) { this.statusUrl = statusUrl; return this; }
    public Builder reason(String reason) { this.reason = reason; return this; }
    public Builder chosenPoint(PointView chosenPoint) { this.chosenPoint = chosenPoint; return this; }
    public Builder before(PointView before) { this.before = before; return this; }
    public Builder after(PointView after) { this.after = after; return this; }
    public Builder retentionTier(String retentionTier) { this.retentionTier = retentionTier; return this; }
    public Builder resolutionExplanation(String text) { this.resolutionExplanation = text; return this; }
    /** The name of the ticket's rejection reason; the rejection templates choose their text by it. */
    public Builder rejectionReason(String reason) { this.rejectionReason = reason; return this; }
    public Builder agentNote(String agentNote) { this.agentNote = agentNote; return this; }
    public Builder retentionTable(List<RetentionRow> rows) { this.retentionTable = rows; return this; }
    public Builder delivery(Delivery delivery) { this.delivery = delivery; return this; }
    public Builder question(String question) { this.question = question; return this; }
    public Builder conversation(List<ConversationEntry> entries) { this.conversation = entries; return this; }
    public Builder replyDeadlineLocal(String deadline) { this.replyDeadlineLocal = deadline; return this; }
    public Builder replyDeadlineUtc(String deadline) { this.replyDeadlineUtc = deadline; return this; }
    public Builder closedBecause(ClosureReason reason) { this.closedBecause = reason; return this; }
    public Builder escalation(Escalation escalation) { this.escalation = escalation; return this; }
    public Builder drillFailure(DrillFailure drillFailure) { this.drillFailure = drillFailure; return this; }
    public Builder retrievalEstimate(String sentence) { this.retrievalEstimate = sentence; return this; }

    public MailView build() {
      return new MailView(ticketId, customerName, customerEmail, projectId, environment, scope,
          requestedLocal, requestedUtc, interpretationNote, statusUrl, reason, chosenPoint, before,
          after, retentionTier, resolutionExplanation, rejectionReason, agentNote, retentionTable,
          delivery, question, conversation, replyDeadlineLocal, replyDeadlineUtc, closedBecause,
          escalation, drillFailure, retrievalEstimate);
    }
  }
}
