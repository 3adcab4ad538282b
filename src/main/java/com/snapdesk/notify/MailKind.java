package com.snapdesk.notify;

import java.util.Locale;

/**
 * The emails Snapdesk sends to customers. Each kind renders {@code templates/mail/<template-name>.html}
 * and {@code .txt}; adding one means a constant with its subject plus those two templates.
 */
public enum MailKind {
  ACKNOWLEDGEMENT("We received your backup request") {
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
  RESTORE_INSTRUCTIONS("Your backup is ready: restore instructions") {
    @Override
    void requireComplete(MailView view) {
      require(view.chosenPoint(), "chosenPoint");
      require(view.delivery(), "delivery");
    }
  };

  private final String subject;

  MailKind(String subject) {
    this.subject = subject;
  }

  /** The subject without the ticket prefix; kept neutral enough for every variant of the kind. */
  public String subject() {
    return subject;
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
}
