package com.snapdesk.notify;

import java.util.Locale;

/**
 * The emails Snapdesk sends: to the customer about their ticket, and {@link #ESCALATION} to support
 * leads. Each kind renders {@code templates/mail/<template-name>.html} and {@code .txt}; adding one
 * means a constant with its subject plus those two templates.
 */
public enum MailKind {
  /** To a registered contact only: the request waits until they confirm it with the link. */
  VERIFICATION_REQUEST("Confirm your backup request") {
    @Override
    void requireComplete(MailView view) {
      require(view.chosenPoint(), "chosenPoint");
    }
  },
  REJECTION("About your backup request") {
    @Override
    void requireComplete(MailView view) {
      require(view.rejectionReason(), "rejectionReason");
    }
  },
  /** The agent needs something from the customer before going on. */
  CUSTOMER_QUESTION("We have a question about your backup request") {
    @Override
    void requireComplete(MailView view) {
      requireText(view.question(), "question");
      requireText(view.replyDeadlineLocal(), "replyDeadlineLocal");
      requireText(view.replyDeadlineUtc(), "replyDeadlineUtc");
    }
  },
  /** We still wait for the customer's answer to {@link #CUSTOMER_QUESTION}. */
  REPLY_REMINDER("Reminder: we are waiting for your answer") {
    @Override
    void requireComplete(MailView view) {
      requireText(view.question(), "question");
      requireText(view.replyDeadlineLocal(), "replyDeadlineLocal");
      requireText(view.replyDeadlineUtc(), "replyDeadlineUtc");
    }
  },
  /** No answer came before the reply deadline; nothing was retrieved. */
  CLOSED_NO_REPLY("We closed your backup request: no answer from you"),
  /** Confirms the customer's own cancellation. */
  CANCELLED("Your backup request is cancelled"),
  RESTORE_INSTRUCTIONS("Your backup is ready: restore instructions") {
    @Override
    void requireComplete(MailView view) {
      require(view.chosenPoint(), "chosenPoint");
      require(view.delivery(), "delivery");
    }
  },
  /** About a day before the retrieved data is removed. */
  EXPIRY_REMINDER("Your retrieved backup will be removed soon") {
    @Override
    void requireComplete(MailView view) {
      require(view.delivery(), "delivery");
    }
  },
  /** The retrieved data was removed, after the customer confirmed or when it expired. */
  CLOSED("Your backup request is closed") {
    @Override
    void requireComplete(MailView view) {
      require(view.closedBecause(), "closedBecause");
    }
  },
  /**
   * To a support lead, never to the customer: an SLA is about to be breached. Shows no status link;
   * that link is the customer's secret.
   */
  ESCALATION("Escalation: SLA at risk", Audience.SUPPORT_LEAD) {
    @Override
    void requireComplete(MailView view) {
      require(view.escalation(), "escalation");
    }
  },
  /** To the support leads: a restore drill failed or timed out; the "ticket" id is the drill's. */
  DRILL_FAILED("Restore drill failed", Audience.SUPPORT_LEAD) {
    @Override
    void requireComplete(MailView view) {
      require(view.drillFailure(), "drillFailure");
    }
  };

  /** Who reads a kind of mail; decides, among other things, whether it may show the status link. */
  public enum Audience { CUSTOMER, SUPPORT_LEAD }

  private final String subject;
  private final Audience audience;

  MailKind(String subject) {
    this(subject, Audience.CUSTOMER);
  }

  MailKind(String subject, Audience audience) {
    this.subject = subject;
    this.audience = audience;
  }

  /** The subject without the ticket prefix; kept neutral enough for every variant of the kind. */
  public String subject() {
    return subject;
  }

  public Audience audience() {
    return audience;
  }

  /** Only mails to the customer show the status link (it carries the customer's secret). */
  public boolean toCustomer() {
    return audience == Audience.CUSTOMER;
  }

  /** e.g. {@code restore-instructions} */
  public String templateName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Fails before anything is sent when the view lacks what this kind's templates must show. */
  void requireComplete(MailView view) {}

  private static void require(Object value, String field) {
    if (value == null) throw new IllegalArgumentException("a mail of this kind needs " + field);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("a mail of this kind needs " + field);
  }
}
