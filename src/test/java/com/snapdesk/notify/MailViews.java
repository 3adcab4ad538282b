package com.snapdesk.notify;

import com.snapdesk.notify.MailView.ClosureReason;
import com.snapdesk.notify.MailView.ConversationEntry;
import com.snapdesk.notify.MailView.Delivery;
import com.snapdesk.notify.MailView.Escalation;
import com.snapdesk.notify.MailView.PointView;
import com.snapdesk.notify.MailView.RetentionRow;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.ticket.RejectionReason;
import java.util.List;

/** Complete views for tests: every field a template may show is filled. */
final class MailViews {

  static final String PROJECT_ID = SnapdeskTestData.ACME;
  static final String NOTE = "01:30 happens twice on 2026-11-01 in New York; interpreted as 01:30 EDT, UTC−04:00";
  static final PointView CHOSEN = new PointView("rp-0042", "2026-11-20 14:00 EST (America/New_York)",
      "2026-11-20 19:00 UTC", "30 minutes before the requested time", false);
  static final PointView AFTER = new PointView("rp-0043", "2026-11-20 15:00 EST (America/New_York)",
      "2026-11-20 20:00 UTC", "30 minutes after the requested time", false);
  static final Delivery ON_NODE = new Delivery("rc-7f3a", "/mnt/recovery-rc-7f3a", "i-0abc1234def567890",
      "/dev/xvdf", "2026-11-27 14:00 EST (America/New_York)", "2026-11-27 19:00 UTC");
  static final String QUESTION = "Which store view lost its products: the US or the EU one?";
  static final List<ConversationEntry> CONVERSATION = List.of(
      new ConversationEntry("2026-11-26 09:40 EST (America/New_York)", "Alex Merchant",
          "Please hurry, the catalog import deleted them."),
      new ConversationEntry("2026-11-26 10:02 EST (America/New_York)", "Snapdesk support",
          "We are on it. One more thing before we start."));
  static final String STATUS_URL = "https://snapdesk.example/tickets/SD-2026-0042?token=s3cr3t";
  static final String TASKLIST_URL = "http://localhost:8080/camunda/app/tasklist/default/#/?task=6f1c2a";
  static final Escalation FIRST_RESPONSE_AT_RISK = new Escalation("first response", "80%",
      "2026-11-26 15:00 EST (America/New_York)", "2026-11-26 20:00 UTC", "AWAITING_APPROVAL", TASKLIST_URL);
  static final List<RetentionRow> RETENTION = List.of(
      new RetentionRow("days 1–3", "one per hour"),
      new RetentionRow("days 4–7", "one per day"),
      new RetentionRow("weeks 2–6", "one per week"),
      new RetentionRow("weeks 8–12", "one every two weeks"),
      new RetentionRow("months 3–5", "one per month"));

  private MailViews() {}

  static final MailView.DrillFailure DRILL_FAILURE = new MailView.DrillFailure("failed",
      "rp-0042, taken 2026-11-26 02:00 UTC", "2026-11-26 03:00 UTC", "Validation failed: " + "<b>dump</b> is not gzip",
      "http://localhost:8080/camunda/app/cockpit/default/#/process-instance/6f1c2a");

  static MailView.Builder complete() {
    return MailView.builder()
        .ticketId("SD-2026-0042")
        .customerName("Alex Merchant")
        .customerEmail(SnapdeskTestData.ACME_CONTACT)
        .projectId(PROJECT_ID)
        .environment("production")
        .scope("database")
        .requestedLocal("2026-11-20 14:30 EST (America/New_York)")
        .requestedUtc("2026-11-20 19:30 UTC")
        .statusUrl(STATUS_URL)
        .reason("A bad import deleted 300 products.")
        .chosenPoint(CHOSEN)
        .before(CHOSEN)
        .after(AFTER)
        .retentionTier("days 1–3: one per hour")
        .rejectionReason(RejectionReason.REJECTED_BY_AGENT.name())
        .agentNote("Please ask again from the registered address.")
        .retentionTable(RETENTION)
        .delivery(ON_NODE)
        .question(QUESTION)
        .conversation(CONVERSATION)
        .replyDeadlineLocal("2026-11-29 09:00 EST (America/New_York)")
        .replyDeadlineUtc("2026-11-29 14:00 UTC")
        .closedBecause(ClosureReason.CONFIRMED)
        .escalation(FIRST_RESPONSE_AT_RISK);
  }

  /** Only the ticket's own fields plus what {@code kind} requires; every optional part left empty. */
  static MailView minimalFor(MailKind kind) {
    var view = MailView.builder()
        .ticketId("SD-2026-0042")
        .customerName("Alex Merchant")
        .customerEmail(SnapdeskTestData.ACME_CONTACT)
        .projectId(PROJECT_ID)
        .environment("production")
        .scope("database")
        .requestedLocal("2026-11-20 14:30 EST (America/New_York)")
        .requestedUtc("2026-11-20 19:30 UTC")
        .statusUrl(STATUS_URL);
    switch (kind) {
      case VERIFICATION_REQUEST -> view.chosenPoint(CHOSEN);
      case REJECTION -> view.rejectionReason(RejectionReason.NO_RECOVERY_POINT.name());
      case CUSTOMER_QUESTION, REPLY_REMINDER -> view.question(QUESTION)
          .replyDeadlineLocal("2026-11-29 09:00 EST (America/New_York)").replyDeadlineUtc("2026-11-29 14:00 UTC");
      case RESTORE_INSTRUCTIONS -> view.chosenPoint(CHOSEN).delivery(ON_NODE);
      case EXPIRY_REMINDER -> view.delivery(ON_NODE);
      case CLOSED -> view.closedBecause(ClosureReason.EXPIRED);
      case ESCALATION -> view.escalation(FIRST_RESPONSE_AT_RISK);
      case DRILL_FAILED -> view.drillFailure(DRILL_FAILURE);
      case CLOSED_NO_REPLY, CANCELLED -> { }
    }
    return view.build();
  }

  static MailView rejection(RejectionReason reason) {
    return complete().rejectionReason(reason.name()).build();
  }
}
