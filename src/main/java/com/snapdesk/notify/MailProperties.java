package com.snapdesk.notify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Customer mail settings. SMTP itself is configured with the standard {@code spring.mail.*} keys;
 * without {@code spring.mail.host} mails go to {@code outboxDir} as .eml files.
 *
 * <p>The SMTP timeouts keep a mail job from holding a job-executor thread (and its job lock) on a server
 * that accepts the connection and never answers; JavaMail's own default is to wait forever. Keep them well
 * below the job lock time.
 *
 * <p>A mail the server did not take is retried every {@code retryInterval} for {@code retryFor} before it becomes an
 * incident, and at once (within {@code outageCheckInterval}) when the server answers again.
 */
@ConfigurationProperties("snapdesk.mail")
@Validated
public record MailProperties(
    @NotBlank @DefaultValue("Snapdesk Support <support@snapdesk.example>") String from,
    @DefaultValue("data/outbox") Path outboxDir,
    @NotNull @DefaultValue("PT10S") Duration connectTimeout,
    @NotNull @DefaultValue("PT30S") Duration readTimeout,
    @NotNull @DefaultValue("PT30S") Duration writeTimeout,
    @NotNull @DefaultValue("PT24H") Duration retryFor,
    @NotNull @DefaultValue("PT1M") Duration retryInterval,
    @NotNull @DefaultValue("PT5S") Duration outageCheckInterval) {

  public MailProperties {
    for (Duration timeout : new Duration[] {connectTimeout, readTimeout, writeTimeout, retryFor, retryInterval,
        outageCheckInterval}) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("snapdesk.mail durations must be positive, got " + timeout);
      }
    }
  }
}
