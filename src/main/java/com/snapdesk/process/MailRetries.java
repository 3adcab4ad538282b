package com.snapdesk.process;

import com.snapdesk.notify.MailProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The retry cycle of every mail task, {@code ${mailRetries.cycle}} in the model: every
 * {@code snapdesk.mail.retry-interval} for {@code snapdesk.mail.retry-for}, then an incident. Public, because the
 * engine's expression language reads it as a bean property.
 */
@Component("mailRetries")
public class MailRetries {

  private final String cycle;

  MailRetries(MailProperties mail) {
    long tries = Math.max(1, ceilDiv(mail.retryFor(), mail.retryInterval()));
    this.cycle = "R" + tries + "/" + mail.retryInterval();
  }

  private static long ceilDiv(Duration total, Duration step) {
    return (total.toMillis() + step.toMillis() - 1) / step.toMillis();
  }

  public String getCycle() {
    return cycle;
  }
}
