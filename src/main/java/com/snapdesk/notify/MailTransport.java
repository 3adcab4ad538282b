package com.snapdesk.notify;

/** Hands a rendered mail over to the world: an SMTP server or the outbox folder. */
interface MailTransport {

  /** @throws MailDeliveryException when the mail was not accepted */
  void send(Envelope envelope);

  /** Whether the transport would take a mail now (an SMTP server that answers); bounded by the mail timeouts. */
  default boolean reachable() {
    return true;
  }

  /** What a transport needs; {@code dedupKey} becomes the deterministic Message-ID. */
  record Envelope(String dedupKey, String to, String ticketId, MailKind kind, RenderedMail content) {}
}
