package com.snapdesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.support.SnapdeskTestData;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailTransportTest {

  static final String FROM = "Snapdesk Support <support@snapdesk.example>";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:15:30.123Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  private final MailRenderer renderer = new MailRenderer();

  private MailTransport.Envelope envelope(String ticketId, MailKind kind) {
    var content = renderer.render(kind, MailViews.complete().ticketId(ticketId).build());
    return new MailTransport.Envelope("proc-1:Task_Send", SnapdeskTestData.ACME_CONTACT, ticketId, kind, content);
  }

  @Test
  void writesAParseableEmlNamedAfterTimeTicketAndKind() throws Exception {
    // given an outbox folder that does not exist yet
    var outbox = tmp.resolve("data/outbox");
    var envelope = envelope("SD-2026-0042", MailKind.RESTORE_INSTRUCTIONS);

    // when a mail is sent
    new OutboxMailTransport(outbox, FROM, CLOCK).send(envelope);

    // then one .eml file appears that a mail client can read back
    assertThat(files(outbox)).extracting(p -> p.getFileName().toString())
        .containsExactly("20261126T091530.123Z-SD-2026-0042-restore-instructions.eml");
    MimeMessage mail;
    try (InputStream in = Files.newInputStream(files(outbox).get(0))) {
      mail = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(mail.getSubject()).isEqualTo("[SD-2026-0042] Your backup is ready: restore instructions");
    assertThat(mail.getMessageID()).isEqualTo(MimeMessages.messageId("proc-1:Task_Send", new InternetAddress(FROM)));
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(SnapdeskTestData.ACME_CONTACT);
    assertThat(mail.getSentDate()).isEqualTo(java.util.Date.from(Instant.parse("2026-11-26T09:15:30Z")));
    var body = (MimeMultipart) mail.getContent();
    assertThat(body.getContentType()).startsWith("multipart/alternative");
    assertThat(body.getCount()).isEqualTo(2);
    assertThat(((String) body.getBodyPart(0).getContent()).replace("\r\n", "\n").strip())
        .isEqualTo(envelope.content().text().strip());
    assertThat((String) body.getBodyPart(1).getContent()).contains("<pre><code>php vendor/bin/ece-tools db-dump</code></pre>");
  }

  @Test
  void keepsFileNamesToSafeCharacters() throws Exception {
    // given a ticket id with path separators and spaces
    new OutboxMailTransport(tmp, FROM, CLOCK).send(envelope("../SD 42/x", MailKind.VERIFICATION_REQUEST));

    // then the file stays inside the outbox with a harmless name
    assertThat(files(tmp)).extracting(p -> p.getFileName().toString())
        .containsExactly("20261126T091530.123Z-___SD_42_x-verification-request.eml");
  }

  @Test
  void neverOverwritesAMailWrittenInTheSameMillisecond() throws Exception {
    var transport = new OutboxMailTransport(tmp, FROM, CLOCK);

    transport.send(envelope("SD-1", MailKind.VERIFICATION_REQUEST));
    transport.send(envelope("SD-1", MailKind.VERIFICATION_REQUEST));

    assertThat(files(tmp)).extracting(p -> p.getFileName().toString()).containsExactly(
        "20261126T091530.123Z-SD-1-verification-request-2.eml", "20261126T091530.123Z-SD-1-verification-request.eml");
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
