package com.snapdesk.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Reads emails the way a customer's mail client would: subject, plain text and HTML parts. */
public final class MailMessages {

  private MailMessages() {}

  public record Mail(String to, String subject, String text, String html) {
    public String all() {
      return subject + "\n" + text + "\n" + html;
    }
  }

  public static Mail read(MimeMessage message) {
    try {
      String text = null;
      String html = null;
      Object content = message.getContent();
      if (content instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart part = multipart.getBodyPart(i);
          if (part.isMimeType("text/plain")) text = part.getContent().toString();
          else if (part.isMimeType("text/html")) html = part.getContent().toString();
          else if (part.getContent() instanceof Multipart nested) {
            for (int j = 0; j < nested.getCount(); j++) {
              BodyPart p = nested.getBodyPart(j);
              if (p.isMimeType("text/plain")) text = p.getContent().toString();
              else if (p.isMimeType("text/html")) html = p.getContent().toString();
            }
          }
        }
      } else {
        text = content.toString();
      }
      return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), text, html);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable email", e);
    }
  }

  /** Every .eml file in an outbox folder, oldest first. */
  public static List<Mail> outbox(Path folder) {
    if (!Files.isDirectory(folder)) return List.of();
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".eml")).sorted().map(MailMessages::readFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Mail readFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(new MimeMessage(Session.getInstance(new Properties()), in));
    } catch (Exception e) {
      throw new IllegalStateException("unreadable .eml " + file, e);
    }
  }
}
