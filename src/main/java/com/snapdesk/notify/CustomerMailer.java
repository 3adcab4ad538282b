package com.snapdesk.notify;

/** Port: sends one ticket email, at most once per dedup key. */
public interface CustomerMailer {

  /**
   * Renders {@code kind} for {@code view} and sends it to {@code to}, unless a mail with the same
   * {@code dedupKey} was already sent, in which case nothing happens.
   *
   * @param dedupKey "&lt;processInstanceId&gt;:&lt;activityId&gt;:&lt;round&gt;", plus
   *                 ":&lt;recipient&gt;" when one step mails several people (ESCALATION to each
   *                 lead); at most 200 characters
   * @param to       one plain address (local@domain) that the caller has checked is the requester
   *                 or a registered contact, or for {@link MailKind#ESCALATION} a support lead;
   *                 never a list, never a display name
   * @throws IllegalArgumentException when {@code to} is not a single valid address
   * @throws MailDeliveryException    when the mail could not be handed over; retrying is safe
   */
  void send(String dedupKey, MailKind kind, String to, MailView view);
}
