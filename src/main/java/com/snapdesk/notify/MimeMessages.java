package com.snapdesk.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/** Builds the MIME form shared by both transports, so SMTP and outbox mails are identical. */
final class MimeMessages {

  private MimeMessages() {}

  static InternetAddress parseFrom(String from) {
    try {
      InternetAddress[] parsed = InternetAddress.parse(from, true);
      if (parsed.length != 1) throw new IllegalArgumentException("snapdesk.mail.from must be one address: " + from);
      parsed[0].validate();
      return parsed[0];
    } catch (AddressException e) {
      throw new IllegalArgumentException("snapdesk.mail.from is not a valid address: " + from, e);
    }
  }

  /**
   * The same dedup key always gives the same Message-ID, so a mail sent twice in the at-least-once
   * window can be recognised downstream. Hashed so process ids do not leak to customers.
   */
  static String messageId(String dedupKey, InternetAddress from) {
    String address = from.getAddress();
    String domain = address.substring(address.lastIndexOf('@') + 1);
    return "<" + sha256Hex(dedupKey).substring(0, 40) + ".snapdesk@" + domain + ">";
  }

  /** Fills {@code message} as multipart/alternative (text first, HTML preferred by clients). */
  static void fill(MimeMessage message, InternetAddress from, MailTransport.Envelope envelope, Instant sentAt)
      throws MessagingException {
    message.setFrom(from);
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(envelope.to(), true));
    message.setSubject(envelope.content().subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(sentAt));
    // RFC 3834: tells auto-responders not to answer, avoiding mail loops.
    message.setHeader("Auto-Submitted", "auto-generated");

    var text = new MimeBodyPart();
    text.setText(envelope.content().text(), StandardCharsets.UTF_8.name(), "plain");
    var html = new MimeBodyPart();
    html.setText(envelope.content().html(), StandardCharsets.UTF_8.name(), "html");
    // Said outright, so saveChanges() does not stream each body once more to choose an encoding; templates
    // write UTF-8 (U+2212 in offsets, customers' names), which needs quoted-printable anyway.
    text.setHeader("Content-Transfer-Encoding", "quoted-printable");
    html.setHeader("Content-Transfer-Encoding", "quoted-printable");
    var alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.setHeader("Message-ID", messageId(envelope.dedupKey(), from));
  }

  /** A message whose Message-ID survives {@code saveChanges()}, which would otherwise replace it. */
  static MimeMessage withFixedMessageId(Session session) {
    return new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) super.updateMessageID();
      }
    };
  }

  private static String sha256Hex(String value) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
