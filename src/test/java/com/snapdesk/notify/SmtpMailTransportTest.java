package com.snapdesk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.snapdesk.support.SnapdeskTestData;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpMailTransportTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final String FROM = "Snapdesk Support <support@snapdesk.example>";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);

  private final MailRenderer renderer = new MailRenderer();

  private SmtpMailTransport transportTo(int port) {
    var sender = new JavaMailSenderImpl();
    sender.setHost(smtp.getSmtp().getServerSetup().getBindAddress());
    sender.setPort(port);
    return new SmtpMailTransport(sender, FROM, CLOCK);
  }

  private MailTransport.Envelope envelope(String dedupKey) {
    var content = renderer.render(MailKind.RESTORE_INSTRUCTIONS, MailViews.complete().build());
    return new MailTransport.Envelope(dedupKey, SnapdeskTestData.ACME_CONTACT, "SD-2026-0042", MailKind.RESTORE_INSTRUCTIONS, content);
  }

  @Test
  void deliversTextAndHtmlAlternativesWithSubjectAndDeterministicMessageId() throws Exception {
    // given an SMTP server and a rendered mail
    var envelope = envelope("proc-1:Task_SendRestoreInstructions");

    // when sending it
    transportTo(smtp.getSmtp().getPort()).send(envelope);

    // then it arrives as multipart/alternative with both parts, the subject and the derived Message-ID
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("[SD-2026-0042] Your backup is ready: restore instructions");
    assertThat(mail.getMessageID())
        .isEqualTo(MimeMessages.messageId("proc-1:Task_SendRestoreInstructions", new InternetAddress(FROM)))
        .matches("<[0-9a-f]{40}\\.snapdesk@snapdesk\\.example>");
    assertThat(mail.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("support@snapdesk.example");
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(SnapdeskTestData.ACME_CONTACT);
    assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");

    var body = (MimeMultipart) mail.getContent();
    assertThat(body.getContentType()).startsWith("multipart/alternative");
    assertThat(body.getCount()).isEqualTo(2);
    assertThat(body.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(body.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(normalise((String) body.getBodyPart(0).getContent())).isEqualTo(normalise(envelope.content().text()));
    assertThat(normalise((String) body.getBodyPart(1).getContent())).isEqualTo(normalise(envelope.content().html()));
  }

  @Test
  void sameDedupKeyGivesSameMessageIdSoDuplicatesAreRecognisable() throws Exception {
    // given the same mail sent twice (the at-least-once window) and a different one
    var transport = transportTo(smtp.getSmtp().getPort());
    transport.send(envelope("proc-1:Task_A"));
    transport.send(envelope("proc-1:Task_A"));
    transport.send(envelope("proc-1:Task_B"));

    // then the duplicates share a Message-ID and the other mail does not
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(3);
    assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID());
    assertThat(received[2].getMessageID()).isNotEqualTo(received[0].getMessageID());
  }

  @Test
  void reportsAnUnreachableServerAsADeliveryFailure() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> transportTo(closedPort).send(envelope("proc-1:Task_A")))
        .isInstanceOf(MailDeliveryException.class)
        .hasMessageContaining("SD-2026-0042");
  }

  /** Transfer encodings may turn line ends into CRLF. */
  private static String normalise(String s) {
    return s.replace("\r\n", "\n").strip();
  }
}
