package com.snapdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.notify.MailProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailRetriesTest {

  private static MailProperties mail(Duration retryFor, Duration retryInterval) {
    return new MailProperties("Snapdesk <s@snapdesk.example>", Path.of("data/outbox"), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(30), retryFor, retryInterval, Duration.ofSeconds(5));
  }

  @Test
  void retriesEveryIntervalForTheWholePeriodBeforeAnIncident() {
    assertThat(new MailRetries(mail(Duration.ofHours(24), Duration.ofMinutes(1))).getCycle())
        .isEqualTo("R1440/PT1M");
    assertThat(new MailRetries(mail(Duration.ofMinutes(10), Duration.ofMinutes(3))).getCycle())
        .isEqualTo("R4/PT3M");
  }
}
