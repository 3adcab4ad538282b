package com.snapdesk.notify;

import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders and sends a customer mail once per dedup key.
 *
 * <p>The key is recorded in its own transaction right after the transport accepted the mail, so a
 * job that fails later and is retried (rolling back its own transaction) does not send again.
 * Remaining at-least-once window: a crash or database failure between the transport accepting the
 * mail and that commit sends it again on retry; the deterministic Message-ID lets mail clients
 * and downstream systems recognise the duplicate.
 */
class IdempotentCustomerMailer implements CustomerMailer {

  private static final Logger log = LoggerFactory.getLogger(IdempotentCustomerMailer.class);
  static final int MAX_KEY_LENGTH = 200;

  private final MailRenderer renderer;
  private final MailTransport transport;
  private final SentMailLog sentMail;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  IdempotentCustomerMailer(MailRenderer renderer, MailTransport transport, SentMailLog sentMail,
                           PlatformTransactionManager transactionManager, Clock clock) {
    this.renderer = renderer;
    this.transport = transport;
    this.sentMail = sentMail;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Override
  public void send(String dedupKey, MailKind kind, String to, MailView view) {
    if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("dedupKey must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(view, "view");
    String recipient = Recipients.requireSingleAddress(to);

    if (sentMail.contains(dedupKey)) {
      log.info("{} mail for ticket {} already sent (key {}); not sending again", kind, view.ticketId(), dedupKey);
      return;
    }
    RenderedMail content = renderer.render(kind, view);
    transport.send(new MailTransport.Envelope(dedupKey, recipient, view.ticketId(), kind, content));
    Boolean first = ownTransaction.execute(status -> sentMail.record(dedupKey, kind, recipient, clock.instant()));
    if (Boolean.TRUE.equals(first)) {
      log.info("sent {} mail for ticket {} (key {})", kind, view.ticketId(), dedupKey);
    } else {
      log.warn("{} mail for ticket {} was sent concurrently by another node (key {}); the customer may get it twice",
          kind, view.ticketId(), dedupKey);
    }
  }
}
