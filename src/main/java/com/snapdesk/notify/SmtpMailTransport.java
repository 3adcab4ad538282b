package com.snapdesk.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends over SMTP through Spring Boot's {@link JavaMailSender} (present when spring.mail.host is set). */
class SmtpMailTransport implements MailTransport {

  private final JavaMailSender sender;
  private final InternetAddress from;
  private final Clock clock;

  SmtpMailTransport(JavaMailSender sender, String from, Clock clock) {
    this.sender = sender;
    this.from = MimeMessages.parseFrom(from);
    this.clock = clock;
  }

  @Override
  public boolean reachable() {
    if (!(sender instanceof org.springframework.mail.javamail.JavaMailSenderImpl smtp)) return true;
    try {
      smtp.testConnection();
      return true;
    } catch (MessagingException e) {
      return false;
    }
  }

  @Override
  public void send(Envelope envelope) {
    try {
      var message = sender.createMimeMessage();
      MimeMessages.fill(message, from, envelope, clock.instant());
      // JavaMailSenderImpl keeps a Message-ID that is set before send().
      sender.send(message);
    } catch (MessagingException | MailException e) {
      throw new MailDeliveryException(
          "SMTP did not accept the " + envelope.kind() + " mail for ticket " + envelope.ticketId(), e);
    }
  }
}
