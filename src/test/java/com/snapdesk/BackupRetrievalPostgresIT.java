package com.snapdesk;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.snapdesk.support.EmbeddedPostgresConfiguration;
import com.snapdesk.support.FixedClockConfiguration;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.MailMessages.Mail;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole app on a real PostgreSQL server with a real SMTP server, driven over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.max-wait=1000",
    "snapdesk.local.recovery-dir=target/it-postgres/recovery"
})
@Import({EmbeddedPostgresConfiguration.class, FixedClockConfiguration.class})
class BackupRetrievalPostgresIT extends HappyPathScenario {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  @Override
  List<Mail> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).map(MailMessages::read)
        .filter(m -> m.to().equals(address)).toList();
  }

  @Test
  void runsOneTicketOnPostgresWithSmtp() throws Exception {
    runsOneTicketFromSubmissionToRestoreInstructions();
  }
}
