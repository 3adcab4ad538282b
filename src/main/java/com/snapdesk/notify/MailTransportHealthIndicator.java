package com.snapdesk.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component {@code mailTransport}: with the .eml outbox, that its folder exists
 * (or can be made) and is writable; with SMTP, Spring Boot's own {@code mail} component connects to the
 * server, and this one only says so.
 */
final class MailTransportHealthIndicator extends AbstractHealthIndicator {

  private final MailTransport transport;

  MailTransportHealthIndicator(MailTransport transport) {
    super("Mail transport check failed");
    this.transport = transport;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) throws Exception {
    if (transport instanceof OutboxMailTransport outbox) {
      Path dir = outbox.outboxDir().toAbsolutePath().normalize();
      health.withDetail("transport", "outbox").withDetail("outboxDir", dir.toString());
      Files.createDirectories(dir);
      if (Files.isWritable(dir)) health.up();
      else health.down().withDetail("problem", "the outbox folder is not writable");
    } else {
      health.up().withDetail("transport", "smtp").withDetail("server", "see the mail component");
    }
  }
}
