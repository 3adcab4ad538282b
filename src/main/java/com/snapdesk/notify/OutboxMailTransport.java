package com.snapdesk.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * Writes each mail as an RFC 822 {@code .eml} file, so the embedded default works without a mail
 * server. Open the files with any mail client.
 */
class OutboxMailTransport implements MailTransport {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path outboxDir;
  private final InternetAddress from;
  private final Clock clock;
  private final Session session = Session.getInstance(new Properties());

  OutboxMailTransport(Path outboxDir, String from, Clock clock) {
    this.outboxDir = outboxDir;
    this.from = MimeMessages.parseFrom(from);
    this.clock = clock;
  }

  Path outboxDir() {
    return outboxDir;
  }

  @Override
  public void send(Envelope envelope) {
    Instant now = clock.instant();
    try {
      var message = MimeMessages.withFixedMessageId(session);
      MimeMessages.fill(message, from, envelope, now);
      message.saveChanges();
      Files.createDirectories(outboxDir);
      // Written under a hidden name first: a reader polling the outbox never sees half a mail.
      Path partial = Files.createTempFile(outboxDir, ".outgoing-", ".partial");
      try {
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING)) {
          message.writeTo(out);
        }
        publish(partial, baseName(now, envelope));
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (MessagingException | IOException e) {
      throw new MailDeliveryException(
          "could not write the " + envelope.kind() + " mail for ticket " + envelope.ticketId()
              + " to " + outboxDir, e);
    }
  }

  /**
   * Gives the finished file its name atomically (a hard link fails if the name is taken); two mails in the
   * same millisecond get "-2", "-3", …
   */
  private Path publish(Path finished, String baseName) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path candidate = outboxDir.resolve(attempt == 1 ? baseName + ".eml" : baseName + "-" + attempt + ".eml");
      try {
        return Files.createLink(candidate, finished);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) throw e;
      }
    }
  }

  /** {@code <timestamp>-<ticketId>-<kind>} with only [A-Za-z0-9._-], whatever the ticket id holds. */
  static String baseName(Instant at, Envelope envelope) {
    String ticket = envelope.ticketId().replaceAll("[^A-Za-z0-9_-]", "_");
    if (ticket.length() > 64) ticket = ticket.substring(0, 64);
    return TIMESTAMP.format(at) + "-" + ticket + "-" + envelope.kind().templateName();
  }
}
